"""The recognition letter of one award, in the send panel every screen shares (preview, save, print, e-mail
drafts, record as sent).

The letter comes from the `recognition` template with the award's title, note and period and its event
(loyaldesk.core.events.recognition_letters), dated the day of the award, for the client even without a postal
address (it can be handed over in person).
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from loyaldesk.core import events
from loyaldesk.ui.documents.dialog import SendDialog
from loyaldesk.ui.services import AppServices


class RecognitionLetterDialog(SendDialog):
    def __init__(self, services: AppServices, recognition: events.Recognition, parent: QWidget | None = None) -> None:
        from loyaldesk.core.documents import pipeline

        self.recognition = recognition
        rid, day = recognition.id, recognition.date

        def source(_own, _as_of):
            return pipeline.Request("recognition", [], recognition_id=rid, as_of=day)

        award = recognition.title + (f" — {recognition.event_title}" if recognition.event_title else "") + (
            f" ({recognition.period})" if recognition.period else "")
        super().__init__(services, self.tr("Recognition letter") + f" — {recognition.client_name}", source, parent,
                         heading=award)
        self.setObjectName("recognitionLetterDialog")
