"""The server-drawn SVG charts: well-formed, accessible, escaped, robust with odd data."""

import xml.etree.ElementTree as ET

import pytest

from landscape.charts import bar_chart, chart_block, line_chart, table_rows

SVG = "{http://www.w3.org/2000/svg}"
CHARTS = [line_chart, bar_chart, lambda **kw: bar_chart(horizontal=True, **kw)]


def parse(svg):
    root = ET.fromstring(str(svg))
    assert root.tag == SVG + "svg"
    return root


@pytest.mark.parametrize("chart", CHARTS)
def test_it_is_a_labelled_image_that_scales(chart):
    root = parse(chart(title="Neue Angebote", labels=["Jan", "Feb"], series=[("neu", [3, 4])], chart_id="c"))
    assert root.get("role") == "img"
    assert root.get("viewBox").startswith("0 0 400 ")
    assert "width" not in root.attrib and "style" not in root.attrib
    title = root.find(SVG + "title")
    assert title.text == "Neue Angebote" and root.get("aria-labelledby") == title.get("id") == "c-title"
    assert root.find(SVG + "desc").get("id") == root.get("aria-describedby")


@pytest.mark.parametrize("chart", CHARTS)
def test_it_escapes_titles_labels_and_series_names(chart):
    evil = '<script>alert("x")</script>&'
    svg = str(chart(title=evil, labels=[evil, "b"], series=[(evil, [1, 2]), ("b", [2, 1])], chart_id='"><x'))
    assert "<script>" not in svg and "<x" not in svg
    assert "&lt;script&gt;" in svg
    parse(svg)  # still well-formed XML


@pytest.mark.parametrize("chart", CHARTS)
def test_empty_data_says_so(chart):
    for labels, series in (([], []), ([], [("a", [])]), (["Jan"], [])):
        svg = str(chart(title="Leer", labels=labels, series=series))
        parse(svg)
        assert "Keine Daten vorhanden." in svg


@pytest.mark.parametrize("chart", CHARTS)
def test_all_zeros_draw_an_axis_without_dividing_by_zero(chart):
    root = parse(chart(title="Null", labels=["Jan", "Feb", "Mär"], series=[("a", [0, 0, 0])]))
    assert root.findall(f".//{SVG}text")


def test_one_series_has_no_legend_but_two_have_one():
    one = parse(bar_chart(title="t", labels=["a"], series=[("x", [1])]))
    two = parse(bar_chart(title="t", labels=["a"], series=[("x", [1]), ("y", [2])]))
    assert one.find(f".//{SVG}g[@class='chart__legend']") is None
    legend = two.find(f".//{SVG}g[@class='chart__legend']")
    assert [t.text for t in legend.iter(SVG + "text")] == ["x", "y"]


def test_series_differ_by_more_than_colour():
    bars = str(bar_chart(title="t", labels=["a"], series=[("x", [1]), ("y", [2])], chart_id="b"))
    assert 'url(#b-p1)' in bars and '<pattern id="b-p1"' in bars
    lines = str(line_chart(title="t", labels=["a", "b"], series=[("x", [1, 2]), ("y", [2, 1])]))
    assert "stroke-dasharray" in lines and "<rect" in lines  # second series: dashed, square markers


def test_bar_heights_follow_the_values():
    root = parse(bar_chart(title="t", labels=["a", "b"], series=[("x", [2, 4])]))
    heights = [float(r.get("height")) for r in root.iter(SVG + "rect")]
    assert heights[1] == pytest.approx(2 * heights[0])


def test_max_value_caps_percentages():
    root = parse(bar_chart(title="t", labels=["a"], series=[("x", [50])], max_value=100, unit="%"))
    texts = [t.text for t in root.iter(SVG + "text")]
    assert "100\u202f%" in texts


def test_long_axes_show_only_some_labels_but_always_the_last():
    labels = [f"M{i:02d}/26" for i in range(36)]
    root = parse(line_chart(title="t", labels=labels, series=[("x", list(range(36)))]))
    shown = [t.text for t in root.iter(SVG + "text") if t.text and t.text.startswith("M")]
    assert 3 <= len(shown) <= 12 and shown[-1] == "M35/26"


def test_missing_and_odd_values_count_as_zero():
    root = parse(line_chart(title="t", labels=["a", "b", "c"], series=[("x", [1, None])]))
    assert root.find(f".//{SVG}polyline") is not None


def test_the_table_has_the_same_numbers():
    series = [("neu", [1, 2]), ("geändert", [3, 4])]
    assert table_rows(["Jan", "Feb"], series) == [("Jan", [1, 3]), ("Feb", [2, 4])]
    block = chart_block(svg="", title="t", label_heading="Monat", labels=["Jan", "Feb"], series=series)
    assert block["series_names"] == ["neu", "geändert"]
