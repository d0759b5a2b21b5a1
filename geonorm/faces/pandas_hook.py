"""``df.geonorm`` / ``series.geonorm`` whichever of geonorm and pandas is imported first.

pandas has no entry point for accessors, and importing it with geonorm would nearly double
``import geonorm``'s time; so when pandas is not loaded yet, a meta-path finder waits for it and
registers the accessors (by importing :mod:`geonorm.faces.table`) right after pandas has run.
"""
from __future__ import annotations

import sys
import warnings
from importlib import import_module
from importlib.abc import MetaPathFinder
from importlib.util import find_spec

_TABLE = "geonorm.faces.table"


def _register() -> None:
    try:
        import_module(_TABLE)
    except Exception as exc:  # (never break the user's `import pandas`)
        warnings.warn(f"geonorm: the pandas accessor df.geonorm is unavailable ({exc})", stacklevel=3)


class _AfterPandas(MetaPathFinder):
    """Finds nothing itself: it lets the regular finders find pandas and wraps the loader's
    ``exec_module`` to register the accessors once pandas has been executed."""

    def find_spec(self, fullname, path=None, target=None):
        if fullname != "pandas":
            return None
        uninstall()
        spec = find_spec(fullname)
        loader = getattr(spec, "loader", None)
        run = getattr(loader, "exec_module", None)
        if run is None:
            return spec

        def exec_module(module, _run=run):
            _run(module)
            _register()

        loader.exec_module = exec_module  # (this module's loader only; its type is untouched)
        return spec


_FINDER = _AfterPandas()


def install() -> None:
    """Register the accessors now if pandas is loaded, else as soon as it is imported."""
    if "pandas" in sys.modules:
        _register()
    elif _FINDER not in sys.meta_path:
        sys.meta_path.insert(0, _FINDER)


def uninstall() -> None:
    if _FINDER in sys.meta_path:
        sys.meta_path.remove(_FINDER)
