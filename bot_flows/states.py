"""The main conversation's states."""

from __future__ import annotations

from enum import StrEnum

FLOW_NAME = "main"


class S(StrEnum):
    """States of the main conversation."""

    NEW = "new"
    CHOOSING_LANGUAGE = "choosing_language"
    MENU = "menu"
    USE_SAVED = "use_saved"
    ASKING_NAME = "asking_name"
    ASKING_DOB = "asking_dob"
    ASKING_TIME = "asking_time"
    ASKING_PLACE = "asking_place"
    CHOOSING_PLACE = "choosing_place"
    CONFIRMING = "confirming"
    CHOOSING_FIX = "choosing_fix"
    PREVIEW_SHOWN = "preview_shown"
    AWAITING_PAYMENT = "awaiting_payment"
    QUESTIONS = "questions"
    MILAN_OFFERED = "milan_offered"
    CONFIRMING_ERASE = "confirming_erase"


INITIAL = S.NEW
