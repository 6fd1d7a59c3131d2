"""gembot classify, eval, train, export rasa and import rasa, as a user runs them."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
import yaml
from django.core.management import CommandError, call_command

pytestmark = pytest.mark.django_db


def run(*args) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def test_classify_streams_one_line_out_per_line_in(monkeypatch):
    lines = [
        {"text": "ik wil mijn paspoort verlengen", "id": 1},
        {"text": "wanneer komt de vuilniswagen", "id": 2},
        {"text": "wie wint het wk voetbal", "id": 3},
    ]
    monkeypatch.setattr(
        "sys.stdin", io.StringIO("".join(json.dumps(x) + "\n" for x in lines) + "geen json\n")
    )
    out = [json.loads(line) for line in run("classify", "--municipality", "GM0855").splitlines()]
    assert len(out) == 4
    assert out[0]["id"] == 1 and out[0]["topic"] == "paspoort"
    assert "paspoort" in out[0]["answer"].lower()
    assert 0 < out[0]["confidence"] <= 1
    assert out[1]["topic"] == "afvalkalender"
    assert out[2]["topic"] == "buiten-bereik" and out[2]["answer"] is None
    assert "geen geldige JSON" in out[3]["error"]


def test_classify_unknown_municipality():
    with pytest.raises(CommandError, match="Onbekende gemeente"):
        run("classify", "--municipality", "GM9999")


def test_eval_reports_accuracy_and_out_of_scope(tmp_path):
    rows = [
        {"text": "paspoort kwijtgeraakt op vakantie", "expected_topic": "reisdocument-kwijt"},
        {"text": "ik wil trouwen, hoe regel ik dat", "expected_topic": "huwelijk-partnerschap"},
        {"text": "wat wordt het weer morgen", "expected_topic": "buiten-bereik"},
    ]
    path = tmp_path / "eval.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    report = json.loads(run("evaluate", str(path), "--municipality", "tilburg"))
    assert report["municipality"] == "GM0855"
    assert set(report) >= {
        "in_scope_accuracy",
        "out_of_scope_precision",
        "out_of_scope_recall",
        "per_topic",
        "most_confused",
        "latency_ms",
    }
    assert report["n"] == 3 and report["n_out_of_scope"] == 1
    assert 0 <= report["in_scope_accuracy"] <= 1
    assert report["per_topic"]["reisdocument-kwijt"]["support"] == 1


def test_eval_rejects_a_broken_file(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text('{"text": "hoi"}\n')
    with pytest.raises(CommandError, match="geen geldige regel"):
        run("evaluate", str(path))


def test_rasa_export_then_import_round_trip(tmp_path):
    out = run("export_data", "rasa", str(tmp_path))
    assert "intents" in out
    nlu = yaml.safe_load((tmp_path / "nlu.yml").read_text())
    intents = {item["intent"] for item in nlu["nlu"]}
    assert {"paspoort", "afvalkalender", "out_of_scope"} <= intents
    domain = yaml.safe_load((tmp_path / "domain.yml").read_text())
    assert "{{" not in domain["responses"]["utter_paspoort"][0]["text"]
    assert (tmp_path / "config.yml").exists()
    # Importing Gem's own export adds nothing; a new intent example is added.
    again = run("import_data", "rasa", str(tmp_path))
    assert "0 voorbeelden toegevoegd" in again
    extra = Path(tmp_path / "extra")
    extra.mkdir()
    (extra / "nlu.yml").write_text(
        'version: "3.1"\nnlu:\n- intent: paspoort\n  examples: |\n'
        "    - mijn reispas moet vernieuwd worden\n"
        "- intent: weer\n  examples: |\n    - gaat het regenen\n"
    )
    added = run("import_data", "rasa", str(extra))
    assert "1 voorbeelden toegevoegd" in added
    assert "intent 'weer'" in added


def test_rasa_import_of_a_folder_without_nlu_data_fails(tmp_path):
    with pytest.raises(CommandError, match="Geen Rasa NLU-gegevens"):
        run("import_data", "rasa", str(tmp_path))


@pytest.mark.slow
def test_train_stores_a_model_that_running_servers_pick_up(monkeypatch):
    from gembot.dialogue import recognition

    before = recognition.recogniser.model()
    monkeypatch.setattr(recognition, "CHECK_INTERVAL", 0.0)
    out = run("train")
    assert "Model getraind: 55 onderwerpen" in out
    after = recognition.recogniser.model()
    assert after is not before  # reloaded from the new file, no restart
    assert after.predict("ik wil een paspoort aanvragen").topic == "paspoort"
