"""The ``gembot`` command: Gem's own commands, plus ``gembot manage`` for Django's."""

from __future__ import annotations

import os
import sys

# gembot <command> -> (Django management command, one-line help)
COMMANDS: dict[str, tuple[str, str]] = {
    "serve": ("serve", "Prepare the database and serve Gem (HTTP + websockets)."),
    "migrate": ("prepare", "Prepare a database: migrations, municipalities, content, model."),
    "chat": ("chat", "Talk to Gem in the terminal."),
    "classify": ("classify", "Classify JSON lines from stdin (topic, confidence, answer)."),
    "train": ("train", "Train the NLU model from the content in the database."),
    "eval": ("evaluate", "Evaluate the NLU on a JSON-lines file, or --cv K."),
    "test": ("conversation_tests", "Run YAML conversation tests."),
    "content": ("content", "Import, export or check the answer library."),
    "officehours": ("officehours", "Show or set a municipality's office hours."),
    "agent": ("agent", "Manage municipal employees for live chat."),
    "livechat": ("livechat", "Show or change a municipality's live-chat settings."),
    "export": ("export_data", "Export data (gembot export rasa DIR)."),
    "import": ("import_data", "Import data (gembot import rasa DIR)."),
}


def _usage() -> str:
    lines = [
        "usage: gembot <command> [options]",
        "",
        "Gem, the virtual assistant of Dutch municipalities.",
        "",
        "commands:",
    ]
    lines += [f"  {name:<12} {help_text}" for name, (_cmd, help_text) in COMMANDS.items()]
    lines += [
        f"  {'manage':<12} Run any Django management command (gembot manage help).",
        "",
        "Run 'gembot <command> --help' for the options of a command.",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    args = list(sys.argv[1:] if argv is None else argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gembot.config.settings")
    if not args or args[0] in {"-h", "--help", "help"}:
        print(_usage())
        return
    if args[0] in {"--version", "version"}:
        from gembot import __version__

        print(f"gembot {__version__}")
        return

    from django.core.management import execute_from_command_line

    name, rest = args[0], args[1:]
    if name == "manage":
        execute_from_command_line(["gembot manage", *rest])
        return
    if name not in COMMANDS:
        print(f"gembot: onbekend commando '{name}'\n", file=sys.stderr)
        print(_usage(), file=sys.stderr)
        sys.exit(2)
    import django
    from django.core.management import get_commands, load_command_class

    django.setup()
    command_name = COMMANDS[name][0]
    app = get_commands().get(command_name)
    if app is None:
        print(f"gembot: '{name}' is in deze installatie nog niet beschikbaar.", file=sys.stderr)
        sys.exit(2)
    # run_from_argv names the command "gembot <name>" in usage and error messages.
    load_command_class(app, command_name).run_from_argv(["gembot", name, *rest])


if __name__ == "__main__":
    main()
