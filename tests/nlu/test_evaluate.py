"""The report `gembot eval` prints: accuracy, out-of-scope, confusions, latency."""

from __future__ import annotations

from gembot.nlu import OUT_OF_SCOPE, NluModel
from gembot.nlu.evaluate import cross_validate, evaluate, report

from .conftest import OUT_OF_SCOPE as OOS_SENTENCES
from .conftest import training_examples


def test_report_counts_accuracy_out_of_scope_and_confusions() -> None:
    result = report(
        expected=["paspoort", "paspoort", "grofvuil", OUT_OF_SCOPE, OUT_OF_SCOPE],
        predicted=["paspoort", "identiteitskaart", "grofvuil", OUT_OF_SCOPE, "grofvuil"],
        latencies_ms=[1.0, 2.0, 3.0, 4.0, 5.0],
    )
    assert result["in_scope_accuracy"] == round(2 / 3, 4)
    assert result["out_of_scope_recall"] == 0.5
    assert result["out_of_scope_precision"] == 1.0
    assert result["per_topic"]["grofvuil"] == {
        "precision": 0.5,
        "recall": 1.0,
        "f1": round(2 / 3, 4),
        "support": 1,
    }
    assert result["most_confused"][0]["count"] == 1
    assert {"expected": "paspoort", "predicted": "identiteitskaart", "count": 1} in result[
        "most_confused"
    ]
    assert result["latency_ms"] == {"p50": 3.0, "p95": 4.8}


def test_evaluate_runs_the_model(model: NluModel) -> None:
    rows = [
        {"text": "paspoort verlengen", "expected_topic": "paspoort"},
        {"text": "wanneer wordt het afval opgehaald", "expected_topic": "afvalkalender"},
        {"text": "qwzx vbnmk", "expected_topic": OUT_OF_SCOPE},
    ]
    result = evaluate(model, rows)
    assert result["n"] == 3
    assert result["in_scope_accuracy"] == 1.0
    assert result["out_of_scope_recall"] == 1.0
    assert result["latency_ms"]["p50"] > 0


def test_cross_validation_reports_the_same_figures() -> None:
    result = cross_validate(training_examples(), OOS_SENTENCES, k=3)
    assert result["folds"] == 3
    assert result["n"] == len(training_examples()) + len(OOS_SENTENCES)
    assert result["in_scope_accuracy"] > 0.6
    assert result["out_of_scope_recall"] > 0.5
    assert len(result["most_confused"]) <= 10
