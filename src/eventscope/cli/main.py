"""Placeholder entry point; replaced by the real CLI."""


def main() -> None:
    raise SystemExit(0)
