"""The review tools inside the real main window: a package opened in validator mode gets the
Findings and Sign-offs docks, which follow the navigator; opening and browsing writes nothing;
the first finding creates the .jcmreview beside the package; "Compare with…" compares rounds."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QFileDialog

from jcm_pdd.gui.diff_view import CompareDialog
from jcm_pdd.package import snapshot_folder
from jcm_pdd.package.review import load_review
from tests.gui.review_packages import ESTIMATED_VALUE_LABEL, built_rounds, copy_into


def test_review_docks_follow_the_navigator_and_write_only_the_review(
    window, tmp_path: Path, tmp_path_factory
) -> None:
    original = built_rounds(tmp_path_factory).round1
    package = copy_into(original, tmp_path / "received")
    before = snapshot_folder(package.parent)
    assert window.open_path(package)
    findings, signoffs = window.findings_panel, window.signoff_panel
    for section in window.view.sections:  # the reviewer browses everything
        window.view.navigator.select(section.id)
    assert snapshot_folder(package.parent) == before, "browsing writes nothing"

    window.view.navigator.select("PDD:C.3")
    assert findings.target() == "PDD:C.3" and signoffs.current_section == "PDD:C.3"
    findings.text_edit.setPlainText("The estimate for PV-1 is not evidenced.")
    findings.raise_button.click()
    signoffs.sign_button.click()
    review = load_review(package.with_suffix(".jcmreview"))
    assert [(f.id, f.target) for f in review.findings] == [("CAR-01", "PDD:C.3")]
    assert [s.section for s in review.signoffs] == ["PDD:C.3"]
    assert signoffs.review is findings.review, "one review behind both docks"
    assert package.read_bytes() == original.read_bytes()
    assert sorted(p.name for p in package.parent.iterdir()) == [
        "round1.jcmpkg",
        "round1.jcmreview",
    ]

    findings.go_to_target.emit("PDD:A.1")  # double-click on a finding goes to its section
    assert window.view.current_page().section.id == "PDD:A.1"
    assert window.close_document()
    assert window.review_docks == []


def test_compare_with_from_the_menu(window, tmp_path_factory, qtbot, monkeypatch) -> None:
    rounds = built_rounds(tmp_path_factory)
    assert window.open_path(rounds.round2)
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(rounds.round1), ""))
    )
    dialogs: list[CompareDialog] = []
    monkeypatch.setattr(CompareDialog, "open", lambda self: dialogs.append(self))
    window.act_compare.trigger()
    assert len(dialogs) == 1
    dialog = dialogs[0]
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.finished_compare, timeout=120000) as blocker:
        pass
    diff = blocker.args[0]
    assert (diff.a, diff.b) == ("round1.jcmpkg", "round2.jcmpkg")
    assert any(r[2] == ESTIMATED_VALUE_LABEL for r in dialog.view.rows())
    dialog.close()


def test_on_a_laptop_screen_the_document_keeps_the_larger_share(
    window, tmp_path: Path, tmp_path_factory, qtbot
) -> None:
    window.resize(1366, 768)
    package = copy_into(built_rounds(tmp_path_factory).round1, tmp_path / "received")
    assert window.open_path(package)
    findings = next(d for d in window.review_docks if d.objectName() == "findingsDock")
    qtbot.waitUntil(lambda: not findings.visibleRegion().isEmpty())
    qtbot.wait(50)  # the docks take their starting height once laid out
    document = window.centralWidget().height()
    assert document >= 2 * findings.height(), (document, findings.height())
    # The finding form scrolls inside the low dock; its buttons stay in view.
    assert not window.findings_panel.raise_button.visibleRegion().isEmpty()
    window.findings_panel.text_edit.setFocus()
    QTest.keyClicks(window.findings_panel.text_edit, "PV-1's estimate is not evidenced.")
    QTest.mouseClick(window.findings_panel.raise_button, Qt.MouseButton.LeftButton)
    assert [f.text for f in window.findings_panel.review.findings] == [
        "PV-1's estimate is not evidenced."
    ]
