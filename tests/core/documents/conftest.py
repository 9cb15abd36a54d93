from tests.core.letters.conftest import DAY, practice  # noqa: F401 (the practice of the letters' tests)
