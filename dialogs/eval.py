"""The older name of the understanding contract command: `python -m dialogs.eval` runs `understanding.eval`."""

from understanding.eval import main

if __name__ == "__main__":
    import sys

    raise SystemExit(main(sys.argv[1:]))
