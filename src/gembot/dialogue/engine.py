"""The dialogue layer: from a resident message to Gem's replies.

``respond`` is the only entry point the conversation actions use. It recognises the topic
with the NLU, takes the answer from the content library for the conversation's
municipality, and keeps what it needs for the next turn in ``Conversation.dialogue_state``:

``{"topic": str, "slots": {slot: value}, "pending": {...} | None, "misses": int}``

where ``pending`` is the question Gem asked and waits an answer to: a tailoring question
(``{"kind": "tailoring", "topic", "slot", "options", "aspect"}``) or a clarification
(``{"kind": "clarify", "candidates", "text"}``, text already scrubbed).
"""

from __future__ import annotations

from django.utils import timezone

from gembot.conversations.models import Conversation, Outcome
from gembot.conversations.privacy import scrub
from gembot.dialogue import commands as cmd
from gembot.dialogue import handover
from gembot.dialogue.aspects import detect_aspect, direct_aspect, is_follow_up, refers_back
from gembot.dialogue.commands import Command, choose_topic_button, option_button
from gembot.dialogue.library import Library
from gembot.dialogue.moving import in_the_past_if_told, moving_date_sentence
from gembot.dialogue.recognition import recogniser
from gembot.dialogue.slots import fill_slot
from gembot.dialogue.texts import text as say
from gembot.dialogue.types import BotReply, Button, DialogueResult
from gembot.nlu import OUT_OF_SCOPE, Prediction
from gembot.tenants.models import Municipality

SMALL_TALK = {"begroeting", "afsluiting", "over-gem"}
ASK_FOR_PERSON = "medewerker-spreken"
POPULAR_TOPICS = ["verhuizing-doorgeven", "paspoort", "afvalkalender", "openingstijden-contact"]
SWITCH_CONFIDENCE = 0.5  # a new topic must be this sure to override a pending question
# ... and this sure when the follow-up points back ("waar moet ik daarvoor naartoe?")
SWITCH_CONFIDENCE_REFERRING = 0.8
MIN_WORDS_FOR_LANGUAGE = 3
CLARIFY_BELOW = 0.4  # a best guess less sure than this is offered as a choice
CANDIDATE_FLOOR = 0.15  # runners-up offered must have this share of the best guess
OFF_TOPIC_MIN_WORDS = 5  # shorter rejected messages are misses: Gem asks to rephrase
OFF_TOPIC_MAX_TOPIC_PROBABILITY = 0.3


def greeting(municipality: Municipality, language: str = "nl") -> BotReply:
    return BotReply(say("greeting", language, name=municipality.name), topic="begroeting")


class Turn:
    """One resident message being answered."""

    def __init__(self, conversation: Conversation, text: str, prediction: Prediction | None = None):
        self.conversation = conversation
        self.municipality = conversation.municipality
        self.text = text
        self.state = dict(conversation.dialogue_state or {})
        self.state.setdefault("slots", {})
        self.language = conversation.language or "nl"
        self.library = Library(self.municipality)
        self.prediction = prediction

    # --- results -------------------------------------------------------------------------
    def result(
        self,
        replies: list[BotReply],
        outcome: str,
        *,
        topic: str = "",
        confidence: float | None = None,
        **extra,
    ) -> DialogueResult:
        if outcome not in (Outcome.NOT_UNDERSTOOD,):
            self.state["misses"] = 0
        return DialogueResult(
            replies=replies,
            outcome=outcome,
            topic=topic,
            confidence=confidence,
            state=self.state,
            language=self.language,
            **extra,
        )

    # --- entry ---------------------------------------------------------------------------
    def respond(self) -> DialogueResult:
        command = cmd.parse_command(self.text)
        if command is not None:
            return self.command(command)
        prediction = self.prediction or recognise(self.municipality, self.text, self.library)
        if len(self.text.split()) >= MIN_WORDS_FOR_LANGUAGE:
            self.language = prediction.language
        pending = self.state.get("pending") or {}
        if pending.get("kind") == "tailoring":
            result = self.answer_pending_tailoring(pending, prediction)
            if result is not None:
                return result
        self.state["pending"] = None
        current = self.state.get("topic")
        if is_follow_up(self.text) and not self.names_new_topic(prediction, current or ""):
            if not current:  # "wat kost dat?" with nothing to lean on: ask what it is about
                return self.not_understood(prediction)
            aspect = detect_aspect(self.text) or ""
            return self.answer(current, prediction.confidence, aspect=aspect)
        if prediction.topic == OUT_OF_SCOPE:
            if is_off_topic(prediction, self.text):
                return self.out_of_scope(prediction)
            return self.not_understood(prediction)
        candidates = clarification_candidates(prediction)
        if candidates:
            return self.clarify(prediction, candidates)
        return self.topic(prediction.topic, prediction.confidence, prediction)

    def names_new_topic(self, prediction: Prediction, current: str) -> bool:
        needed = SWITCH_CONFIDENCE
        if current and refers_back(self.text):
            needed = SWITCH_CONFIDENCE_REFERRING
        return (
            prediction.topic not in (current, OUT_OF_SCOPE, *SMALL_TALK)
            and prediction.confidence >= needed
            and not prediction.ambiguous
        )

    # --- commands (button payloads) -------------------------------------------------------
    def command(self, command: Command) -> DialogueResult:
        name, argument = command.name, command.argument
        pending = self.state.get("pending") or {}
        if name == cmd.CHOOSE_TOPIC and self.library.topic_exists(argument):
            signal = None
            if pending.get("kind") == "clarify":
                signal = {
                    "text": pending.get("text", ""),
                    "chosen": argument,
                    "candidates": pending.get("candidates", []),
                }
            self.state["pending"] = None
            source = pending.get("text", "")
            # The first message may have said more (an age, a moving date): read it again.
            earlier = recognise(self.municipality, source, self.library) if source else None
            result = self.topic(argument, None, earlier, source_text=source)
            result.signal = signal
            return result
        if name == cmd.OPTION and pending.get("kind") == "tailoring":
            result = self.answer_pending_tailoring(pending, None)
            if result is not None:
                return result
            return self.ask_tailoring(pending["topic"], pending.get("aspect", ""), again=True)
        if name == cmd.OPTION:  # an old button, no question pending: answer it if it fits
            return self.late_option(argument)
        if name == cmd.FEEDBACK:
            return self.feedback(argument.lower() in {"ja", "yes"})
        if name == cmd.SOMETHING_ELSE:
            signal = None
            if pending.get("kind") == "clarify":
                signal = {
                    "text": pending.get("text", ""),
                    "chosen": "",
                    "candidates": pending.get("candidates", []),
                }
            self.state["pending"] = None
            return self.result(
                [BotReply(say("something_else_reply", self.language))],
                Outcome.CLARIFICATION,
                signal=signal,
            )
        if name == cmd.EMPLOYEE:
            return self.ask_for_person(None)
        if name == cmd.STOP_WAITING:  # an old button: the resident is not waiting any more
            return self.result([BotReply(say("not_waiting", self.language))], Outcome.HANDOVER)
        handled = handover.command(self.conversation, name, self.language, self.library)
        if handled is not None:
            replies, status = handled
            return self.result(replies, Outcome.HANDOVER, topic=ASK_FOR_PERSON, status=status)
        return self.not_understood(None)

    # --- topics --------------------------------------------------------------------------
    def topic(
        self,
        topic: str,
        confidence: float | None,
        prediction: Prediction | None,
        *,
        source_text: str = "",
    ) -> DialogueResult:
        if topic == ASK_FOR_PERSON:
            return self.ask_for_person(confidence)
        if topic in SMALL_TALK:
            answer = self.library.answer(topic, self.language)
            self.state["topic"] = None
            return self.result(
                [BotReply(answer.text, topic=topic, confidence=confidence)],
                Outcome.SMALL_TALK,
                topic=topic,
                confidence=confidence,
            )
        text = source_text or self.text
        entities = prediction.entities if prediction else None
        self.remember_moving_date(topic, entities, text)
        aspect = direct_aspect(text)
        tailoring = self.library.tailoring(topic)
        if tailoring is not None:
            # What the resident says now wins over what was said earlier in the conversation.
            value = fill_slot(tailoring.slot, text, entities, tailoring.values) or self.state[
                "slots"
            ].get(tailoring.slot)
            if value is None:
                self.state["topic"] = topic
                return self.ask_tailoring(topic, aspect, confidence=confidence)
            self.state["slots"][tailoring.slot] = value
            return self.answer(topic, confidence, aspect=aspect, variant=value)
        return self.answer(topic, confidence, aspect=aspect)

    def answer(
        self, topic: str, confidence: float | None, *, aspect: str = "", variant: str = ""
    ) -> DialogueResult:
        self.state["topic"] = topic
        self.state["pending"] = None
        if not variant:  # a slot filled earlier still applies (most specific answer wins)
            tailoring = self.library.tailoring(topic)
            if tailoring is not None:
                variant = self.state["slots"].get(tailoring.slot, "")
        answer = self.library.answer(topic, self.language, aspect=aspect, variant=variant)
        parts = []
        if self.language == "en" and answer.language != "en":
            parts.append(say("english_note", "en"))
        if aspect and variant and answer.variant != variant:
            # No part written for this exact situation: the tailored answer, then the part
            # that was asked about.
            tailored = self.library.answer(topic, self.language, variant=variant)
            if tailored.variant == variant:
                parts.append(tailored.text)
        parts.append(answer.text)
        moving = moving_date_sentence(
            topic, variant, self.state["slots"], self.language, timezone.localdate()
        )
        if moving:
            parts.append(moving)
        replies = [
            BotReply("\n\n".join(parts), topic=topic, confidence=confidence),
            BotReply(
                say("feedback_question", self.language),
                buttons=(
                    Button(say("feedback_yes", self.language), f"/{cmd.FEEDBACK} ja"),
                    Button(say("feedback_no", self.language), f"/{cmd.FEEDBACK} nee"),
                ),
            ),
        ]
        return self.result(replies, Outcome.ANSWERED, topic=topic, confidence=confidence)

    # --- tailoring -----------------------------------------------------------------------
    def ask_tailoring(
        self, topic: str, aspect: str, *, confidence: float | None = None, again: bool = False
    ) -> DialogueResult:
        tailoring = self.library.tailoring(topic)
        self.state["pending"] = {
            "kind": "tailoring",
            "topic": topic,
            "slot": tailoring.slot,
            "options": list(tailoring.values),
            "aspect": aspect,
            "asked_again": again,
        }
        buttons = tuple(
            option_button(title, tailoring.slot, value)
            for value, title in tailoring.options(self.language)
        )
        question = tailoring.question(self.language)
        if again:
            question = f"{say('tailoring_again', self.language)} {question}"
        return self.result(
            [BotReply(question, buttons=buttons, topic=topic, confidence=confidence)],
            Outcome.ASKED_TAILORING,
            topic=topic,
            confidence=confidence,
        )

    def answer_pending_tailoring(
        self, pending: dict, prediction: Prediction | None
    ) -> DialogueResult | None:
        entities = prediction.entities if prediction else None
        value = fill_slot(pending["slot"], self.text, entities, pending["options"])
        if value is not None:
            self.state["slots"][pending["slot"]] = value
            return self.answer(
                pending["topic"], None, aspect=pending.get("aspect", ""), variant=value
            )
        if prediction is None:
            return None
        if self.names_new_topic(prediction, pending["topic"]):
            return None  # a new question wins over the pending one
        if not pending.get("asked_again"):
            return self.ask_tailoring(pending["topic"], pending.get("aspect", ""), again=True)
        return None

    def late_option(self, argument: str) -> DialogueResult:
        slot, _, value = argument.partition("=")
        topic = self.state.get("topic") or ""
        tailoring = self.library.tailoring(topic) if topic else None
        if tailoring is not None and tailoring.slot == slot and value in tailoring.values:
            self.state["slots"][slot] = value
            return self.answer(topic, None, variant=value)
        return self.result(
            [BotReply(say("something_else_reply", self.language))], Outcome.CLARIFICATION
        )

    def remember_moving_date(self, topic: str, entities, text: str) -> None:
        if topic == "verhuizing-doorgeven" and entities is not None and entities.dates:
            moving = in_the_past_if_told(entities.dates[0].value, text, timezone.localdate())
            self.state["slots"]["verhuisdatum"] = moving.isoformat()

    # --- not understood, out of scope, clarification ----------------------------------------
    def not_understood(self, prediction: Prediction | None) -> DialogueResult:
        misses = int(self.state.get("misses", 0)) + 1
        self.state["misses"] = misses
        self.state["pending"] = None
        confidence = prediction.confidence if prediction else None
        if misses >= 2:
            replies = [BotReply(say("not_understood_second", self.language))]
            replies += handover.offer(self.conversation, self.language, self.library)
            self.state["misses"] = 0
            return DialogueResult(
                replies,
                Outcome.NOT_UNDERSTOOD,
                confidence=confidence,
                state=self.state,
                language=self.language,
            )
        buttons = tuple(
            choose_topic_button(self.library.title(topic, self.language), topic)
            for topic in POPULAR_TOPICS
        )
        return DialogueResult(
            [BotReply(say("not_understood_first", self.language), buttons=buttons)],
            Outcome.NOT_UNDERSTOOD,
            confidence=confidence,
            state=self.state,
            language=self.language,
        )

    def out_of_scope(self, prediction: Prediction) -> DialogueResult:
        self.state["pending"] = None
        reply = BotReply(
            say("out_of_scope", self.language, name=self.municipality.name),
            topic=OUT_OF_SCOPE,
            confidence=prediction.confidence,
            buttons=(Button(say("ask_employee", self.language), f"/{cmd.EMPLOYEE}"),),
        )
        return self.result(
            [reply], Outcome.OUT_OF_SCOPE, topic=OUT_OF_SCOPE, confidence=prediction.confidence
        )

    def clarify(self, prediction: Prediction, candidates: list[str]) -> DialogueResult:
        self.state["pending"] = {
            "kind": "clarify",
            "candidates": candidates,
            "text": scrub(self.text).text,
        }
        buttons = (
            *(
                choose_topic_button(self.library.title(topic, self.language), topic)
                for topic in candidates
            ),
            Button(say("something_else", self.language), f"/{cmd.SOMETHING_ELSE}"),
        )
        return self.result(
            [
                BotReply(
                    say("clarify", self.language), buttons=buttons, confidence=prediction.confidence
                )
            ],
            Outcome.CLARIFICATION,
            confidence=prediction.confidence,
        )

    # --- feedback and a person -------------------------------------------------------------
    def feedback(self, helped: bool) -> DialogueResult:
        if helped:
            return self.result(
                [BotReply(say("feedback_thanks", self.language))], Outcome.FEEDBACK, feedback=True
            )
        reply = BotReply(
            say("feedback_what_then", self.language),
            buttons=(Button(say("ask_employee", self.language), f"/{cmd.EMPLOYEE}"),),
        )
        self.state["topic"] = None
        return self.result([reply], Outcome.FEEDBACK, feedback=False)

    def ask_for_person(self, confidence: float | None) -> DialogueResult:
        self.state["pending"] = None
        replies = handover.offer(self.conversation, self.language, self.library)
        return self.result(replies, Outcome.HANDOVER, topic=ASK_FOR_PERSON, confidence=confidence)


def clarification_candidates(prediction: Prediction) -> list[str]:
    """Two or three topics to offer ("Bedoelt u ...?") when Gem is not sure enough.

    The NLU marks close calls as ambiguous; a lone best guess below ``CLARIFY_BELOW`` is
    offered with the runners-up that are still plausible.
    """
    if prediction.ambiguous:
        topics = [t for t in prediction.candidates if t not in SMALL_TALK]
        if len(topics) >= 2:
            return topics[:3]
    if prediction.confidence >= CLARIFY_BELOW or prediction.topic in SMALL_TALK:
        return []
    plausible = [
        topic
        for topic, probability in prediction.ranking
        if topic not in (OUT_OF_SCOPE, *SMALL_TALK)
        and probability >= CANDIDATE_FLOOR * prediction.confidence
    ]
    return plausible[:3] if len(plausible) >= 2 else []


def is_off_topic(prediction: Prediction, text: str) -> bool:
    """Rejected because it is about something else, not because Gem missed the words.

    Keyboard mash and short vague messages ("ik wil iets regelen") are misses: Gem asks to
    say it differently. A real question about something no topic covers ("wie wint het
    WK?") gets the honest "daar kan ik u niet mee helpen".
    """
    if not prediction.known_words or len(text.split()) < OFF_TOPIC_MIN_WORDS:
        return False
    # Small talk ("kun je ...?" sounds like a question to Gem) is no municipal topic missed.
    topics = [(t, p) for t, p in prediction.ranking if t not in SMALL_TALK]
    if topics and topics[0][0] == OUT_OF_SCOPE:
        return True
    best = topics[0][1] if topics else 0.0
    return best < OFF_TOPIC_MAX_TOPIC_PROBABILITY


def recognise(municipality: Municipality, text: str, library: Library | None = None) -> Prediction:
    overlay = (library or Library(municipality)).overlay()
    return recogniser.model().predict(text, extra=overlay, today=timezone.localdate())


def understand(municipality: Municipality, text: str) -> Prediction | None:
    """Recognise a typed message (``None`` for a button payload, which needs no NLU)."""
    if cmd.parse_command(text) is not None:
        return None
    return recognise(municipality, text)


def respond(
    conversation: Conversation, text: str, prediction: Prediction | None = None
) -> DialogueResult:
    return Turn(conversation, text, prediction).respond()
