"""``python -m alvrules``."""

import sys

from alvrules.cli import main

sys.exit(main())
