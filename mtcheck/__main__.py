"""The command line's entry: ``python -m mtcheck`` and the ``mtcheck`` console script
(``mtcheck.__main__:run``). The garbage collector is off while the modules load (collecting
then only walks objects that stay); ``mtcheck.cli.run`` sets its pace for the run."""

import gc

gc.disable()

from mtcheck.cli import run  # noqa: E402

if __name__ == "__main__":
    run()
