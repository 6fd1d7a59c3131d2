"""The linear classifier and its calibration: temperature and out-of-scope threshold."""

from __future__ import annotations

import warnings
from dataclasses import dataclass

import numpy as np
from scipy import sparse
from sklearn.exceptions import ConvergenceWarning
from sklearn.linear_model import LogisticRegression
from sklearn.svm import LinearSVC


@dataclass
class LinearModel:
    """Scores = x @ weights + bias, one column per class."""

    weights: np.ndarray  # (n_features, n_classes), float32
    bias: np.ndarray  # (n_classes,), float32

    def scores(self, indices: np.ndarray, values: np.ndarray) -> np.ndarray:
        return values @ self.weights[indices] + self.bias

    def scores_matrix(self, x: sparse.csr_matrix) -> np.ndarray:
        return np.asarray(x @ self.weights) + self.bias


def fit_linear(
    x: sparse.csr_matrix,
    y: np.ndarray,
    n_classes: int,
    *,
    c: float,
    seed: int,
    sample_weight: np.ndarray | None = None,
    kind: str = "lr",
) -> LinearModel:
    """Multinomial logistic regression with class-balanced weights."""
    counts = np.bincount(y, minlength=n_classes).astype(np.float64)
    present = counts > 0
    balance = np.where(present, len(y) / (present.sum() * np.maximum(counts, 1)), 0.0)
    weight = balance[y] if sample_weight is None else balance[y] * sample_weight
    clf: LogisticRegression | LinearSVC
    if kind == "svm":
        clf = LinearSVC(C=c, random_state=seed, tol=1e-3)
    else:
        clf = LogisticRegression(C=c, max_iter=300, tol=1e-3, random_state=seed)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        clf.fit(x, y, sample_weight=weight)
    weights = np.zeros((x.shape[1], n_classes), dtype=np.float32)
    bias = np.full(n_classes, -1e4, dtype=np.float32)  # classes absent from this fold
    coef = clf.coef_
    intercept = clf.intercept_
    if len(clf.classes_) == 2:  # binary: sklearn keeps one row
        coef = np.vstack([-coef[0] / 2, coef[0] / 2])
        intercept = np.array([-intercept[0] / 2, intercept[0] / 2])
    weights[:, clf.classes_] = coef.T
    bias[clf.classes_] = intercept
    return LinearModel(weights, bias)


def softmax(scores: np.ndarray, temperature: float = 1.0) -> np.ndarray:
    z = scores / temperature
    z = z - z.max(axis=-1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=-1, keepdims=True)


def fit_temperature(scores: np.ndarray, y: np.ndarray) -> float:
    """The softmax temperature that minimises the log loss of held-out scores."""
    best_t, best_loss = 1.0, np.inf
    for t in np.exp(np.linspace(np.log(0.05), np.log(5.0), 80)):
        p = softmax(scores, float(t))
        loss = -np.mean(np.log(np.maximum(p[np.arange(len(y)), y], 1e-12)))
        if loss < best_loss:
            best_t, best_loss = float(t), loss
    return best_t


@dataclass(frozen=True)
class Decision:
    """A decided class index (or -1 for out of scope) with the best in-scope probability."""

    best: int
    probability: float


def decide(p: np.ndarray, oos: int, threshold: float, confident: float = 1.01) -> Decision:
    """Best in-scope class, or out of scope when `buiten-bereik` is likely enough.

    The threshold is on the calibrated probability of the out-of-scope class, which
    separates out-of-scope messages better than a floor on the best topic's probability.
    A topic at least `confident` is kept even above that threshold ("ik verhuis op 15
    december" is a move, however many dates the out-of-scope sentences hold).
    """
    in_scope = p.copy()
    in_scope[oos] = -1.0
    best = int(np.argmax(in_scope))
    prob = float(p[best])
    if p[oos] >= prob or (p[oos] >= threshold and prob < confident):
        return Decision(-1, prob)
    return Decision(best, prob)


THRESHOLDS = np.unique(
    np.round(np.concatenate([np.arange(0.005, 0.1, 0.005), np.arange(0.1, 0.951, 0.025)]), 3)
)


CONFIDENT_LEVELS = (0.6, 0.7, 0.8, 0.85, 0.9, 0.95, 1.01)  # 1.01: never overrides


def choose_threshold(
    p: np.ndarray, y: np.ndarray, oos: int, target_recall: float = 0.9
) -> tuple[float, float, dict[str, float]]:
    """The out-of-scope threshold and confident level, chosen on cross-validated probabilities.

    Of the pairs whose out-of-scope recall still reaches `target_recall`, the one with the
    best in-scope accuracy (fewest residents turned away or misread); when none reaches it,
    the one that maximises in-scope accuracy + out-of-scope recall.
    """
    in_scope_mask = y != oos
    masked = p.copy()
    masked[:, oos] = -1.0
    best = masked.max(axis=1)
    correct = (masked.argmax(axis=1) == y) & in_scope_mask
    p_oos = p[:, oos]
    dominated = p_oos >= best
    options = []
    for t in THRESHOLDS:
        for confident in CONFIDENT_LEVELS:
            rejected = dominated | ((p_oos >= t) & (best < confident))
            in_acc = float((correct & ~rejected).sum() / max(in_scope_mask.sum(), 1))
            recall = float((rejected & ~in_scope_mask).sum() / max((~in_scope_mask).sum(), 1))
            options.append((float(t), confident, in_acc, recall))
    reaching = [o for o in options if o[3] >= target_recall]
    if reaching:
        t, confident, in_acc, recall = max(reaching, key=lambda o: (o[2], o[3], o[0]))
    else:
        t, confident, in_acc, recall = max(options, key=lambda o: (o[2] + o[3], o[0]))
    return t, confident, {"in_scope_accuracy": in_acc, "out_of_scope_recall": recall}
