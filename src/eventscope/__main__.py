"""``python -m eventscope``."""

from eventscope.cli.main import main

if __name__ == "__main__":
    main()
