"""The merk parameter: what a link may carry and what is made of it."""

import pytest

from sharing.merkliste import MAX_ITEMS, Merkliste, parse


def test_ids_are_read_in_order_without_duplicates():
    assert parse("12.45.9.12") == (12, 45, 9)


@pytest.mark.parametrize("raw", [
    "", "abc", "-5", "0", "1e3", "..", "%00", "\x00", "99999999999999999999", "١٢", "１２",
    "12abc", "javascript:alert(1)",
])
def test_anything_but_a_plain_positive_id_is_ignored(raw):
    assert parse(raw) == ()


def test_other_separators_and_garbage_between_ids_are_tolerated():
    assert parse("3,4; 5..x.6") == (3, 4, 5, 6)


def test_the_list_holds_at_most_fifty_offers():
    assert len(parse(".".join(str(n) for n in range(1, 200)))) == MAX_ITEMS


def test_a_huge_parameter_is_cut_before_it_is_read():
    assert parse("7." + "x" * 1_000_000) == (7,)
    assert parse("1" * 100_000) == ()  # one absurd number, not an id


def test_toggling_adds_and_removes_one_offer():
    merk = Merkliste((3, 4))
    assert merk.toggled(5).value == "3.4.5"
    assert merk.toggled(3).value == "4"
    assert not Merkliste((3,)).toggled(3)


def test_a_full_list_takes_no_more_offers():
    full = Merkliste(range(1, MAX_ITEMS + 1))
    assert full.is_full
    assert full.toggled(999) is full
    assert full.toggled(1).value.startswith("2.3.")


def test_the_list_replaces_the_parameter_in_a_link_and_keeps_the_rest():
    merk = Merkliste((8, 9))
    assert merk.apply_to("/de/angebote/?city=marl&merk=1&page=2") == "/de/angebote/?city=marl&page=2&merk=8.9"
    assert Merkliste().apply_to("/de/angebote/?merk=1&q=kurs") == "/de/angebote/?q=kurs"
    assert Merkliste().apply_to("/de/angebote/") == "/de/angebote/"
