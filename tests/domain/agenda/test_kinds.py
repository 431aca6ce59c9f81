from seminar_desk.domain.agenda.kinds import kind_label, parse_kind
from seminar_desk.domain.kinds import ItemKind


def test_kinds_from_words_people_write():
    assert parse_kind("Coffee Break") is ItemKind.BREAK
    assert parse_kind("LUNCH") is ItemKind.MEAL
    assert parse_kind("Tour de table") is ItemKind.TOUR_DE_TABLE
    assert parse_kind("lecture") is ItemKind.PLENARY
    assert parse_kind("") is ItemKind.PLENARY
    assert parse_kind("juggling") is None
    assert kind_label("tour_de_table") == "Tour de table"
