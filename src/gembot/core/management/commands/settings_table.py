from django.core.management.base import BaseCommand

from gembot.config.env import REGISTRY


def settings_markdown() -> str:
    lines = [
        "# Settings",
        "",
        "Gem reads its configuration from environment variables. This table is generated from",
        "`src/gembot/config/env.py` with `make docs` (`gembot manage settings_table`); a test",
        "fails when it is out of date.",
        "",
        "| variable | default | meaning |",
        "| --- | --- | --- |",
    ]
    for setting in REGISTRY.values():
        default = f"`{setting.default}`" if setting.default else "(empty)"
        lines.append(f"| `{setting.name}` | {default} | {setting.help} |")
    return "\n".join(lines) + "\n"


class Command(BaseCommand):
    help = "Print the settings table (Markdown) that docs/settings.md holds."

    def handle(self, *args, **options) -> None:
        self.stdout.write(settings_markdown(), ending="")
