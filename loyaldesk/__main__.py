import sys

from loyaldesk.cli import main

sys.exit(main())
