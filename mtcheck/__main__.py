"""``python -m mtcheck``: the command line (``mtcheck.cli.run`` sets the garbage collector's
pace once the modules are loaded; collecting while they load only walks objects that stay)."""

import gc

gc.disable()

from mtcheck.cli import run  # noqa: E402

run()
