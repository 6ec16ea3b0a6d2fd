"""``python -m graph`` is the ``tradegraph`` command."""
import sys

from graph.cli import main

sys.exit(main())
