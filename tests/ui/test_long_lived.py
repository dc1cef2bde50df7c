"""What the window hides from the garbage collector (``gc.freeze``) must hold no reference
cycles, or it would never be freed: a store's catalogue and the provider tree made from it."""

from __future__ import annotations

import gc
import weakref

from inspector_gui.domain.grouping import group_providers
from inspector_gui.reports.catalogue import load_catalogue
from inspector_gui.store import Store
from inspector_gui.ui.models.provider_tree import ProviderTreeModel


def test_a_catalogue_and_its_provider_tree_are_freed_without_the_collector(store: Store):
    gc.collect()
    gc.disable()
    try:
        catalogue = load_catalogue(store.path)
        names = {f: fw.name for f, fw in catalogue.frameworks.items()}
        model = ProviderTreeModel()
        model.set_groups(group_providers(catalogue.providers, "type_region", names),
                         len(catalogue.providers), names, catalogue)
        provider = model.index_for_key("provider:west-yorkshire-crc")
        assert model.rowCount(provider) > 1, "its inspection rows made"
        node = weakref.ref(model.index(0, 0, provider).internalPointer())
        assert node() is not None and node().parent is provider.internalPointer()
        del provider
        model.set_groups([], 0, names, None)  # a rebuilt tree drops the old one
        assert node() is None, "freed by reference counting alone"
        del catalogue, model
        assert gc.collect() == 0, "nothing was left for the collector to find"
    finally:
        gc.enable()


def _tracked(thing: object) -> bool:
    """Whether the collector would walk ``thing`` (a frozen object is in none of its generations)."""
    return any(found is thing for found in gc.get_objects())


def test_what_exists_when_a_store_opens_and_its_catalogue_are_hidden_from_the_collector(
        qtbot, store_path):
    """A full collection a worker starts while reading the store walks only what the reads made,
    not the modules, the window or the catalogue shown (the GUI thread waits for the GIL)."""
    from inspector_gui.ui.extensions import build_window

    window = build_window()
    qtbot.addWidget(window)
    before = [object()]  # made before the store is opened
    assert _tracked(before)
    seen: dict[str, bool] = {}

    def shown(catalogue, _note: str) -> None:  # connected after the window's own handler
        seen["catalogue tracked"] = _tracked(catalogue)
        seen["earlier object tracked"] = _tracked(before)

    window.opener.opened.connect(shown)
    window.open_store(store_path)
    qtbot.waitUntil(lambda: bool(seen), timeout=10000)
    qtbot.waitUntil(lambda: not window.is_busy(), timeout=10000)
    assert seen == {"catalogue tracked": False, "earlier object tracked": False}


def test_the_matrix_frees_the_rows_it_replaced_in_a_later_event(qtbot):
    """Freeing All providers' matrix costs ~5 ms: not in the event that shows the next one."""
    from inspector_gui.domain.matrix import MatrixData
    from inspector_gui.ui.long_lived import RELEASE_MS
    from inspector_gui.ui.models.rating_matrix import RatingMatrixModel

    model = RatingMatrixModel()
    first = MatrixData()
    model.set_data(first, {})
    replaced = weakref.ref(first)
    del first
    model.set_data(MatrixData(), {})
    assert replaced() is not None, "kept through the event that showed the new rows"
    qtbot.waitUntil(lambda: replaced() is None, timeout=RELEASE_MS + 2000)
