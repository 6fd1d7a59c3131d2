"""Gem's topic recogniser side by side with Rasa Open Source 3.6 (DIET) on identical data.

Both systems are trained on the same exported folder (``gembot export rasa DIR``: nlu.yml
with an ``out_of_scope`` intent and config.yml) and measured on the same evaluation sets as
bench/nlu.py (``eval/heldout.jsonl``, ``../shared/eval/sample.jsonl`` and the "sure" lines
of ``../shared/eval/policyqa_labelled.jsonl``). The evaluation sets are only measured on,
never trained on; the report does count how many of their messages also occur verbatim in
the exported training data, and gives the scores without those messages as well.

Each step runs in its own process, one after another, so peak memory (RSS, from
``wait4``) and CPU time belong to that step alone:

1. Gem training: ``gembot.nlu.train`` on the exported intents (the ``out_of_scope`` intent
   becomes Gem's out-of-scope sentences); the model is saved as ``.npz``.
2. Gem serving: load the model, one warm-up message, then every evaluation message one
   call at a time.
3. Rasa training: ``rasa train nlu`` with the exported config.yml, run with the Rasa
   virtual environment in a temporary working directory with ``RASA_TELEMETRY_ENABLED=false``,
   ``RASA_MAX_CACHE_SIZE=0`` and ``LOG_LEVEL=WARNING``.
4. Rasa serving: a small helper, run with the Rasa environment's python, loads the model
   with ``Agent.load`` and calls ``agent.parse_message`` once per message (one event loop).
   Rasa's ``out_of_scope`` and ``nlu_fallback`` count as ``buiten-bereik``.

Rasa is not a dependency of Gem: its virtual environment lives outside the project (see
``../shared/peers/rasa.md``) and this script is not part of CI. Child processes run with
niceness 10 (``--nice``) because the machine is shared.

Examples::

    GEM_DATA_DIR=/tmp/gem-rasa .venv/bin/gembot export rasa /tmp/gem-rasa-data
    .venv/bin/python bench/rasa_peer.py --rasa-venv ~/rasa-peer/venv --data /tmp/gem-rasa-data
    .venv/bin/python bench/rasa_peer.py --rasa-venv ~/rasa-peer/venv --data /tmp/gem-rasa-data \\
        --json > /tmp/rasa-peer.json
    # a quick smoke test of the plumbing (not a result):
    .venv/bin/python bench/rasa_peer.py --rasa-venv ~/rasa-peer/venv --data /tmp/gem-rasa-data \\
        --rasa-epochs 2
"""

from __future__ import annotations

import argparse
import contextlib
import datetime
import hashlib
import json
import os
import platform
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import yaml

ROOT = Path(__file__).resolve().parents[1]
OUT_OF_SCOPE = "buiten-bereik"  # gembot.nlu.OUT_OF_SCOPE (not imported: keep the parent light)
RASA_OUT_OF_SCOPE = {"out_of_scope", "nlu_fallback"}
OUT_OF_SCOPE_INTENT = "out_of_scope"
WARM_UP = "warming up: paspoort verlengen"

# Run with the Rasa environment's python: argv = model, texts.json, out.jsonl, meta.json, nlu.yml
RASA_HELPER = r"""
import asyncio, json, logging, os, sys, time
from collections import Counter

started = time.perf_counter()
logging.basicConfig(level=logging.WARNING)
import rasa
from rasa.utils.log_utils import configure_structlog
configure_structlog(logging.WARNING)
from rasa.core.agent import Agent
import_s = time.perf_counter() - started

model, texts_path, out_path, meta_path, nlu_path = sys.argv[1:6]
texts = json.load(open(texts_path, encoding="utf-8"))
started = time.perf_counter()
agent = Agent.load(model)
load_s = time.perf_counter() - started
loop = asyncio.new_event_loop()
loop.run_until_complete(agent.parse_message(__WARM_UP__))
with open(out_path, "w", encoding="utf-8") as out:
    for text in texts:
        t0 = time.perf_counter()
        result = loop.run_until_complete(agent.parse_message(text))
        ms = (time.perf_counter() - t0) * 1000
        intent = result.get("intent") or {}
        out.write(json.dumps({"text": text, "intent": intent.get("name"),
                              "confidence": intent.get("confidence"), "ms": ms},
                             ensure_ascii=False) + "\n")
loop.close()
from rasa.shared.nlu.training_data.loading import load_data
data = load_data(nlu_path)
read = Counter(m.get("intent") for m in data.intent_examples)
import tensorflow
json.dump({"import_s": import_s, "load_s": load_s, "rasa": rasa.__version__,
           "tensorflow": tensorflow.__version__, "python": sys.version.split()[0],
           "examples_read_by_rasa": dict(read)}, open(meta_path, "w"))
""".replace("__WARM_UP__", repr(WARM_UP))


# ---------------------------------------------------------------- data


def examples_of(item: dict[str, Any]) -> list[str]:
    """The example lines of one nlu.yml item (the rule of gembot.content.rasa.read_rasa)."""
    raw = item.get("examples") or ""
    if isinstance(raw, list):
        return [str(line).strip() for line in raw if str(line).strip()]
    lines = [line.strip() for line in str(raw).splitlines()]
    return [line[2:].strip() for line in lines if line.startswith("- ") and line[2:].strip()]


def read_export(folder: Path) -> dict[str, list[str]]:
    """Intent -> examples from the exported nlu.yml (no Django needed)."""
    data = yaml.safe_load((folder / "nlu.yml").read_text(encoding="utf-8")) or {}
    intents: dict[str, list[str]] = {}
    for item in data.get("nlu", []):
        if isinstance(item, dict) and "intent" in item:
            intents.setdefault(str(item["intent"]), []).extend(examples_of(item))
    if not intents:
        raise SystemExit(f"no Rasa NLU intents in {folder / 'nlu.yml'}")
    return intents


def load_rows(path: Path, *, sure_only: bool = False) -> list[dict[str, Any]]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    if sure_only:
        rows = [r for r in rows if r.get("confidence") == "sure"]
    return rows


def eval_sets(root: Path, shared: Path) -> dict[str, list[dict[str, Any]]]:
    """The same sets as bench/nlu.py, measured on only."""
    candidates = [
        ("heldout", root / "eval" / "heldout.jsonl", False),
        ("sample", shared / "eval" / "sample.jsonl", False),
        ("policyqa-sure", shared / "eval" / "policyqa_labelled.jsonl", True),
    ]
    return {name: load_rows(p, sure_only=s) for name, p, s in candidates if p.exists()}


def key(text: str) -> str:
    return " ".join(text.lower().split())


# ---------------------------------------------------------------- processes


def machine() -> dict[str, Any]:
    cpu = "?"
    with open("/proc/cpuinfo", encoding="utf-8") as info:
        for line in info:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    mem_kb = 0
    with open("/proc/meminfo", encoding="utf-8") as info:
        for line in info:
            if line.startswith("MemTotal:"):
                mem_kb = int(line.split()[1])
    return {
        "nproc": os.cpu_count(),
        "cpu": cpu,
        "ram_gib": round(mem_kb / 2**20, 1),
        "python": platform.python_version(),
        "platform": platform.platform(),
    }


def run_step(
    name: str,
    cmd: Sequence[str],
    *,
    cwd: Path,
    env: dict[str, str] | None,
    log: Path,
    nice: int,
    timeout: float,
) -> dict[str, Any]:
    """Run one step in its own process group; wall time, CPU time and peak RSS of the step."""

    def lower_priority() -> None:
        current = os.nice(0)
        if current < nice:
            os.nice(nice - current)

    with log.open("wb") as out:
        started = time.perf_counter()
        proc = subprocess.Popen(
            list(cmd),
            cwd=cwd,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=subprocess.STDOUT,
            preexec_fn=lower_priority,
            start_new_session=True,
        )

        def kill() -> None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)

        timer = threading.Timer(timeout, kill)
        timer.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        finally:
            timer.cancel()
        wall = time.perf_counter() - started
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        tail = log.read_text(encoding="utf-8", errors="replace")[-3000:]
        raise SystemExit(f"step '{name}' failed (exit {proc.returncode}):\n{tail}")
    return {
        "wall_s": round(wall, 2),
        "cpu_s": round(usage.ru_utime + usage.ru_stime, 2),
        "peak_rss_mb": round(usage.ru_maxrss / 1024, 1),  # ru_maxrss is in kB on Linux
    }


# ---------------------------------------------------------------- Gem workers


def gem_train_worker(data_json: str, model_path: str, facts_json: str) -> None:
    sys.path.insert(0, str(ROOT / "src"))
    from gembot.nlu import Example, train

    intents = json.loads(Path(data_json).read_text(encoding="utf-8"))
    examples = [
        Example(text, intent)
        for intent, texts in intents.items()
        if intent != OUT_OF_SCOPE_INTENT
        for text in texts
    ]
    oos = intents.get(OUT_OF_SCOPE_INTENT, [])
    started = time.perf_counter()
    model = train(examples, out_of_scope=oos, seed=0)
    fit_s = time.perf_counter() - started
    model.save(model_path)
    facts = {"fit_s": fit_s, "threshold": model.calibration.threshold}
    Path(facts_json).write_text(json.dumps(facts), encoding="utf-8")


def gem_eval_worker(model_path: str, texts_json: str, out_path: str, meta_path: str) -> None:
    started = time.perf_counter()
    sys.path.insert(0, str(ROOT / "src"))
    from gembot.nlu import load

    import_s = time.perf_counter() - started
    texts = json.loads(Path(texts_json).read_text(encoding="utf-8"))
    started = time.perf_counter()
    model = load(model_path)
    load_s = time.perf_counter() - started
    model.predict(WARM_UP)
    with open(out_path, "w", encoding="utf-8") as out:
        for text in texts:
            t0 = time.perf_counter()
            prediction = model.predict(text)
            ms = (time.perf_counter() - t0) * 1000
            row = {"text": text, "intent": prediction.topic, "confidence": prediction.confidence}
            out.write(json.dumps({**row, "ms": ms}, ensure_ascii=False) + "\n")
    meta = {"import_s": import_s, "load_s": load_s, "python": platform.python_version()}
    Path(meta_path).write_text(json.dumps(meta), encoding="utf-8")


# ---------------------------------------------------------------- scoring


def read_predictions(path: Path, *, rasa: bool) -> dict[str, dict[str, Any]]:
    predictions = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        topic = row["intent"]
        if rasa and (topic is None or topic in RASA_OUT_OF_SCOPE):
            topic = OUT_OF_SCOPE
        predictions[row["text"]] = {**row, "topic": topic}
    return predictions


def score(rows: Sequence[dict[str, Any]], predictions: dict[str, dict[str, Any]]) -> dict[str, Any]:
    in_total = in_right = in_rejected = oos_total = oos_right = 0
    for row in rows:
        topic = predictions[row["text"]]["topic"]
        if row["expected_topic"] == OUT_OF_SCOPE:
            oos_total += 1
            oos_right += topic == OUT_OF_SCOPE
        else:
            in_total += 1
            in_right += topic == row["expected_topic"]
            in_rejected += topic == OUT_OF_SCOPE
    ms = [predictions[row["text"]]["ms"] for row in rows]
    return {
        "n": len(rows),
        "in_scope": in_total,
        "out_of_scope": oos_total,
        "in_scope_accuracy": round(in_right / in_total, 4) if in_total else None,
        "in_scope_rejected": round(in_rejected / in_total, 4) if in_total else None,
        "out_of_scope_recall": round(oos_right / oos_total, 4) if oos_total else None,
        "latency_ms": percentiles(ms),
    }


def percentiles(ms: Sequence[float]) -> dict[str, float]:
    return {
        "p50": round(float(np.percentile(ms, 50)), 3),
        "p95": round(float(np.percentile(ms, 95)), 3),
        "mean": round(float(np.mean(ms)), 3),
    }


def ratio(a: float | None, b: float | None) -> float | None:
    return None if a is None or not b else round(a / b, 3)


# ---------------------------------------------------------------- run


def run(args: argparse.Namespace) -> dict[str, Any]:
    data_dir = args.data.resolve()
    rasa_venv = args.rasa_venv.expanduser().resolve()
    for needed in (rasa_venv / "bin" / "rasa", rasa_venv / "bin" / "python"):
        if not needed.exists():
            raise SystemExit(f"not found: {needed} (install Rasa as in shared/peers/rasa.md)")
    intents = read_export(data_dir)
    sets = eval_sets(args.root, args.shared)
    known = {key(t) for texts in intents.values() for t in texts}
    overlap = {name: sum(key(r["text"]) in known for r in rows) for name, rows in sets.items()}
    texts = sorted({str(r["text"]) for rows in sets.values() for r in rows})
    nlu_bytes = (data_dir / "nlu.yml").read_bytes()
    results: dict[str, Any] = {
        "date": datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "machine": machine(),
        "load_average_start": [round(x, 2) for x in os.getloadavg()],
        "data": {
            "folder": str(data_dir),
            "nlu_sha256": hashlib.sha256(nlu_bytes).hexdigest(),
            "intents": len([i for i in intents if i != OUT_OF_SCOPE_INTENT]),
            "examples": sum(len(t) for i, t in intents.items() if i != OUT_OF_SCOPE_INTENT),
            "out_of_scope": len(intents.get(OUT_OF_SCOPE_INTENT, [])),
        },
        "eval_messages": len(texts),
        "eval_overlap_with_training": overlap,
        "rasa_epochs_override": args.rasa_epochs,
        "systems": {},
    }
    log = (lambda *a: print(*a, file=sys.stderr, flush=True)) if not args.quiet else None

    with tempfile.TemporaryDirectory(prefix="rasa-peer-") as tmp_name:
        tmp = Path(args.keep) if args.keep else Path(tmp_name)
        tmp.mkdir(parents=True, exist_ok=True)
        (tmp / "intents.json").write_text(json.dumps(intents, ensure_ascii=False), "utf-8")
        (tmp / "texts.json").write_text(json.dumps(texts, ensure_ascii=False), "utf-8")
        me = [sys.executable, str(Path(__file__).resolve())]
        step = {"nice": args.nice, "timeout": args.timeout}

        # Gem
        if log:
            log("gem: training ...")
        gem_train = run_step(
            "gem-train",
            [
                *me,
                "_gem-train",
                str(tmp / "intents.json"),
                str(tmp / "gem.npz"),
                str(tmp / "gem-facts.json"),
            ],
            cwd=ROOT,
            env=None,
            log=tmp / "gem-train.log",
            **step,
        )
        gem_facts = json.loads((tmp / "gem-facts.json").read_text())
        if log:
            log(f"gem: trained in {gem_train['wall_s']} s; evaluating ...")
        gem_eval = run_step(
            "gem-eval",
            [
                *me,
                "_gem-eval",
                str(tmp / "gem.npz"),
                str(tmp / "texts.json"),
                str(tmp / "gem-pred.jsonl"),
                str(tmp / "gem-meta.json"),
            ],
            cwd=ROOT,
            env=None,
            log=tmp / "gem-eval.log",
            **step,
        )
        gem_meta = json.loads((tmp / "gem-meta.json").read_text())
        gem_pred = read_predictions(tmp / "gem-pred.jsonl", rasa=False)

        # Rasa
        work = tmp / "rasa-work"
        work.mkdir(exist_ok=True)
        config = yaml.safe_load((data_dir / "config.yml").read_text(encoding="utf-8"))
        if args.rasa_epochs:
            for component in config["pipeline"]:
                if component.get("name") == "DIETClassifier":
                    component["epochs"] = args.rasa_epochs
        (work / "config.yml").write_text(yaml.safe_dump(config, sort_keys=False), "utf-8")
        env = {
            **os.environ,
            "RASA_TELEMETRY_ENABLED": "false",
            "RASA_MAX_CACHE_SIZE": "0",
            "LOG_LEVEL": "WARNING",
            "TF_CPP_MIN_LOG_LEVEL": "2",
            "PYTHONWARNINGS": "ignore",
        }
        env.pop("VIRTUAL_ENV", None)
        if log:
            log("rasa: rasa train nlu ...")
        rasa_train = run_step(
            "rasa-train",
            [
                str(rasa_venv / "bin" / "rasa"),
                "train",
                "nlu",
                "--config",
                "config.yml",
                "--nlu",
                str(data_dir / "nlu.yml"),
                "--out",
                "models",
                "--fixed-model-name",
                "gem-nlu",
            ],
            cwd=work,
            env=env,
            log=tmp / "rasa-train.log",
            **step,
        )
        models = sorted((work / "models").glob("gem-nlu*.tar.gz"))
        if not models:
            raise SystemExit(f"rasa train nlu wrote no model; see {tmp / 'rasa-train.log'}")
        if log:
            log(f"rasa: trained in {rasa_train['wall_s']} s; evaluating ...")
        (tmp / "rasa_helper.py").write_text(RASA_HELPER, encoding="utf-8")
        rasa_eval = run_step(
            "rasa-eval",
            [
                str(rasa_venv / "bin" / "python"),
                str(tmp / "rasa_helper.py"),
                str(models[0]),
                str(tmp / "texts.json"),
                str(tmp / "rasa-pred.jsonl"),
                str(tmp / "rasa-meta.json"),
                str(data_dir / "nlu.yml"),
            ],
            cwd=work,
            env=env,
            log=tmp / "rasa-eval.log",
            **step,
        )
        rasa_meta = json.loads((tmp / "rasa-meta.json").read_text())
        rasa_pred = read_predictions(tmp / "rasa-pred.jsonl", rasa=True)

        # Rasa drops duplicate lines of an intent; Gem keeps them. Compare unique examples.
        read_by_rasa = rasa_meta.pop("examples_read_by_rasa")
        ours = {i: len(set(t)) for i, t in intents.items()}
        results["data"]["duplicate_lines"] = sum(len(t) for t in intents.values()) - sum(
            ours.values()
        )
        results["data"]["rasa_reads_same_counts"] = read_by_rasa == ours
        if read_by_rasa != ours:
            results["data"]["rasa_read_differences"] = {
                i: [ours.get(i), read_by_rasa.get(i)]
                for i in sorted(set(ours) | set(read_by_rasa))
                if ours.get(i) != read_by_rasa.get(i)
            }

        systems = {
            "gem": (gem_train, gem_eval, gem_meta, gem_pred, tmp / "gem.npz"),
            "rasa": (rasa_train, rasa_eval, rasa_meta, rasa_pred, models[0]),
        }
        for name, (train_step, eval_step, meta, pred, artefact) in systems.items():
            ms = [pred[t]["ms"] for t in texts]
            clean = {
                s: [r for r in rows if key(r["text"]) not in known] for s, rows in sets.items()
            }
            results["systems"][name] = {
                "train": train_step,
                "serve": {
                    **eval_step,
                    "import_s": round(meta["import_s"], 2),
                    "load_s": round(meta["load_s"], 2),
                },
                "artefact_mb": round(artefact.stat().st_size / 2**20, 2),
                "latency_ms": percentiles(ms),
                "sets": {s: score(rows, pred) for s, rows in sets.items()},
                "sets_without_overlap": {s: score(rows, pred) for s, rows in clean.items()},
                "versions": {k: v for k, v in meta.items() if k not in {"import_s", "load_s"}},
            }
        results["systems"]["gem"]["train"]["fit_s"] = round(gem_facts["fit_s"], 2)
        results["systems"]["gem"]["threshold"] = gem_facts["threshold"]
        results["agreement"] = round(
            sum(gem_pred[t]["topic"] == rasa_pred[t]["topic"] for t in texts) / len(texts), 4
        )
        if args.keep:
            results["kept"] = str(tmp)
    results["load_average_end"] = [round(x, 2) for x in os.getloadavg()]
    results["ratios_gem_over_rasa"] = ratios(results)
    return results


def ratios(results: dict[str, Any]) -> dict[str, Any]:
    gem, rasa = results["systems"]["gem"], results["systems"]["rasa"]
    out: dict[str, Any] = {}
    for s in gem["sets"]:
        for metric in ("in_scope_accuracy", "out_of_scope_recall"):
            out[f"{s}.{metric}"] = ratio(gem["sets"][s][metric], rasa["sets"][s][metric])
    out["train_wall_s"] = ratio(gem["train"]["wall_s"], rasa["train"]["wall_s"])
    out["train_cpu_s"] = ratio(gem["train"]["cpu_s"], rasa["train"]["cpu_s"])
    out["train_peak_rss_mb"] = ratio(gem["train"]["peak_rss_mb"], rasa["train"]["peak_rss_mb"])
    out["serve_peak_rss_mb"] = ratio(gem["serve"]["peak_rss_mb"], rasa["serve"]["peak_rss_mb"])
    out["load_s"] = ratio(gem["serve"]["load_s"], rasa["serve"]["load_s"])
    out["latency_p50_ms"] = ratio(gem["latency_ms"]["p50"], rasa["latency_ms"]["p50"])
    out["latency_p95_ms"] = ratio(gem["latency_ms"]["p95"], rasa["latency_ms"]["p95"])
    out["artefact_mb"] = ratio(gem["artefact_mb"], rasa["artefact_mb"])
    return out


# ---------------------------------------------------------------- report


def markdown(results: dict[str, Any]) -> str:
    gem, rasa = results["systems"]["gem"], results["systems"]["rasa"]
    d, m = results["data"], results["machine"]

    def fmt(value: float | None, digits: int = 3) -> str:
        return "-" if value is None else f"{value:.{digits}f}"

    def row(label: str, a: float | None, b: float | None, digits: int = 3) -> str:
        r = ratio(a, b)
        shown = "-" if r is None else f"{r:.3g}"
        return f"| {label} | {fmt(a, digits)} | {fmt(b, digits)} | {shown} |"

    overlap = ", ".join(
        f"{s} {n}/{gem['sets'][s]['n']}" for s, n in results["eval_overlap_with_training"].items()
    )
    lines = [
        f"Training data (identical for both): {d['examples']} examples of {d['intents']} "
        f"topics + {d['out_of_scope']} `out_of_scope` sentences, nlu.yml sha256 "
        f"{d['nlu_sha256'][:12]}. Rasa read the same unique examples per intent: "
        f"{'yes' if d.get('rasa_reads_same_counts') else 'NO'} ({d.get('duplicate_lines')} "
        "duplicate line(s), which Rasa drops and Gem keeps).",
        f"Machine: nproc {m['nproc']}, {m['cpu']}, {m['ram_gib']} GiB RAM, Python "
        f"{m['python']}; {results['date']}; load average {results['load_average_start'][0]} "
        f"at start, {results['load_average_end'][0]} at end.",
    ]
    if results.get("rasa_epochs_override"):
        lines.append(f"**DIET epochs overridden to {results['rasa_epochs_override']}.**")
    lines += [
        "",
        "| metric | Gem | Rasa 3.6 DIET | Gem/Rasa |",
        "|---|---|---|---|",
    ]
    for s in gem["sets"]:
        g, r = gem["sets"][s], rasa["sets"][s]
        label = f"{s} (n={g['n']}: {g['in_scope']} in scope, {g['out_of_scope']} out)"
        lines.append(
            row(f"{label}: in-scope top-1", g["in_scope_accuracy"], r["in_scope_accuracy"])
        )
        lines.append(
            row(f"{s}: in-scope wrongly rejected", g["in_scope_rejected"], r["in_scope_rejected"])
        )
        lines.append(
            row(f"{s}: out-of-scope recall", g["out_of_scope_recall"], r["out_of_scope_recall"])
        )
    tr, sr = (gem["train"], rasa["train"]), (gem["serve"], rasa["serve"])
    lines += [
        row("training, wall s (whole process)", tr[0]["wall_s"], tr[1]["wall_s"], 1),
        row("training, CPU s (user+sys)", tr[0]["cpu_s"], tr[1]["cpu_s"], 1),
        row("training, peak RSS MB", tr[0]["peak_rss_mb"], tr[1]["peak_rss_mb"], 0),
        row("serving: model load s", sr[0]["load_s"], sr[1]["load_s"], 2),
        row(
            "serving: peak RSS MB (load + all messages)",
            sr[0]["peak_rss_mb"],
            sr[1]["peak_rss_mb"],
            0,
        ),
        row(
            f"latency p50 ms ({results['eval_messages']} messages, one at a time)",
            gem["latency_ms"]["p50"],
            rasa["latency_ms"]["p50"],
            2,
        ),
        row("latency p95 ms", gem["latency_ms"]["p95"], rasa["latency_ms"]["p95"], 2),
        row("model artefact MB", gem["artefact_mb"], rasa["artefact_mb"], 2),
        "",
        f"Gem's training fit alone (in-process, without imports and saving): "
        f"{gem['train']['fit_s']} s; Gem's out-of-scope threshold {gem['threshold']:.3f}. "
        f"Both systems give the same label to {results['agreement']:.1%} of the messages.",
        "",
        f"Evaluation messages also found verbatim (case and spaces ignored) in the exported "
        f"training data: {overlap}. Without them:",
        "",
        "| eval set (no overlap) | n | Gem in-scope top-1 | Rasa in-scope top-1 "
        "| Gem out-of-scope recall | Rasa out-of-scope recall |",
        "|---|---|---|---|---|---|",
    ]
    for s in gem["sets_without_overlap"]:
        g, r = gem["sets_without_overlap"][s], rasa["sets_without_overlap"][s]
        lines.append(
            f"| {s} | {g['n']} | {fmt(g['in_scope_accuracy'])} | {fmt(r['in_scope_accuracy'])} "
            f"| {fmt(g['out_of_scope_recall'])} | {fmt(r['out_of_scope_recall'])} |"
        )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] == "_gem-train":
        gem_train_worker(*argv[1:4])
        return 0
    if argv and argv[0] == "_gem-eval":
        gem_eval_worker(*argv[1:5])
        return 0
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rasa-venv", type=Path, help="Rasa 3.6 virtualenv (required)")
    parser.add_argument("--data", type=Path, help="folder from `gembot export rasa` (required)")
    parser.add_argument("--json", action="store_true", help="print JSON instead of Markdown")
    parser.add_argument("--root", type=Path, default=ROOT, help="the repository")
    parser.add_argument(
        "--shared", type=Path, default=ROOT.parent / "shared", help="the shared/ folder"
    )
    parser.add_argument(
        "--rasa-epochs", type=int, default=None, help="override DIET epochs (smoke tests only)"
    )
    parser.add_argument("--nice", type=int, default=10, help="niceness of every step")
    parser.add_argument("--timeout", type=float, default=1500, help="seconds per step")
    parser.add_argument("--keep", type=Path, default=None, help="keep work files in this dir")
    parser.add_argument("--quiet", action="store_true", help="no progress on stderr")
    parser.add_argument(
        "--from-json", type=Path, default=None, help="print the Markdown of saved --json results"
    )
    args = parser.parse_args(argv)
    if args.from_json:
        print(markdown(json.loads(args.from_json.read_text(encoding="utf-8"))))
        return 0
    if not args.rasa_venv or not args.data:
        parser.error("--rasa-venv and --data are required")
    results = run(args)
    print(json.dumps(results, indent=2, ensure_ascii=False) if args.json else markdown(results))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
