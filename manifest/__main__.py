"""`python -m manifest`: build the Teams app package (see manifest/package.py)."""

import sys

from manifest.package import main

sys.exit(main())
