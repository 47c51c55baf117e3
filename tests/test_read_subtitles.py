"""Subtitles and content sniffing (graph/sources/subtitles.py, graph/sources/read.py): a video's SubRip or WebVTT
file reads as one line per cue, and a web page's source or a subtitle file saved as .txt is read by what it holds,
not by its name. The collection below is constructed for these tests (places and figures invented)."""

from __future__ import annotations

from pathlib import Path

import pytest

from ftzgraph.graph.errors import DocumentError
from ftzgraph.graph.extract.gazetteer import load_gazetteer
from ftzgraph.graph.extract.pipeline import extract_document
from ftzgraph.graph.sources.read import read_document

SRT = """1
00:00:00,000 --> 00:00:03,000
连云港复制推广改革经验
系列短视频（第一期）

2
00:00:03,000 --> 00:00:06,500
本期介绍两个学来的好做法

3
00:00:06,500 --> 00:00:08,000
【案例一】

4
00:00:08,000 --> 00:00:11,000
<i>进口矿石“先放后检”</i>

5
00:00:11,000 --> 00:00:15,000
连云港片区借鉴上海自贸试验区洋山港片区的经验

6
00:00:15,000 --> 00:00:19,000
由连云港海关牵头，
市商务局配合推行进口矿石“先放后检”

7
00:00:19,000 --> 00:00:23,000
矿石通关时间由3天缩短至1天以内

8
00:00:23,000 --> 00:00:25,000
【案例二】

9
00:00:25,000 --> 00:00:28,000
港口危险货物“一站式”审批

10
00:00:28,000 --> 00:00:32,000
连云港市交通运输局复制推广国务院第五批改革试点经验

11
00:00:32,000 --> 00:00:36,000
推行危险货物作业审批“一站式”办理，实现审批材料减少一半

12
00:00:36,000 --> 00:00:40,000
审批时间由10个工作日压缩至3个工作日

13
00:00:40,000 --> 00:00:42,000
【案例三】

14
00:00:42,000 --> 00:00:45,000
跨境电商“退货中心仓”

15
00:00:45,000 --> 00:00:49,000
赣榆区学习河南自贸试验区郑州片区的做法

16
00:00:49,000 --> 00:00:53,000
在综合保税区设立退货中心仓，退货时间由30天缩短至7天
"""

VTT = """WEBVTT

NOTE 字幕由编辑部整理

00:01.000 --> 00:04.000 line:90%
<v 主持人>企业开办时间压缩至
<c.yellow>1个工作日</c>

00:04.000 --> 00:07.500
Free Trade Zone
reforms
"""


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_subrip_file_reads_one_line_per_cue_without_numbers_or_timings(tmp_path: Path) -> None:
    document = read_document(_write(tmp_path, "video.srt", SRT))
    lines = document.text.split("\n")
    assert lines[0] == "连云港复制推广改革经验系列短视频（第一期）"  # a cue wrapped to the screen is one line
    assert "【案例一】" in lines and "进口矿石“先放后检”" in lines  # styling tags dropped
    assert "由连云港海关牵头，市商务局配合推行进口矿石“先放后检”" in lines
    assert "-->" not in document.text and not any(line.strip().isdigit() for line in lines)
    assert document.format == "application/x-subrip"


def test_a_webvtt_file_drops_its_header_notes_and_voice_tags(tmp_path: Path) -> None:
    document = read_document(_write(tmp_path, "video.vtt", VTT))
    assert document.text.split("\n") == ["企业开办时间压缩至1个工作日", "Free Trade Zone reforms"]
    assert document.format == "text/vtt"


def test_a_subtitle_file_saved_as_text_is_read_as_subtitles(tmp_path: Path) -> None:
    document = read_document(_write(tmp_path, "video.txt", SRT))
    assert "-->" not in document.text and document.format == "application/x-subrip"


def test_a_web_page_source_saved_as_text_is_read_as_a_web_page(tmp_path: Path) -> None:
    page = (
        "<!DOCTYPE html>\n<html><head><title>通知</title></head><body><div class='article'><h1>复制推广典型案例</h1>"
        "<p>连云港片区推行进口矿石“先放后检”，矿石通关时间由3天缩短至1天。</p></div></body></html>"
    )
    document = read_document(_write(tmp_path, "page.txt", page))
    assert "<p>" not in document.text and "矿石通关时间由3天缩短至1天" in document.text
    assert document.format == "text/html"


def test_plain_text_that_mentions_markup_or_times_stays_plain_text(tmp_path: Path) -> None:
    text = "会议于09:30开始。\n网页源码以<html>开头，这是一段说明。\n"
    document = read_document(_write(tmp_path, "notes.txt", text))
    assert document.text == text and document.format == "text/plain"


def test_a_subtitle_file_with_no_cue_is_refused_with_its_name(tmp_path: Path) -> None:
    with pytest.raises(DocumentError, match=r"empty\.srt.*no subtitle cue"):
        read_document(_write(tmp_path, "empty.srt", "这不是字幕文件\n"))


def test_a_video_collection_in_subtitles_splits_into_its_cases(tmp_path: Path) -> None:
    """【案例一】 alone over its title, phrases with no full stops: each numbered tag heads a case, and its origin
    is read from the phrases."""
    extraction = extract_document(read_document(_write(tmp_path, "video.srt", SRT)), load_gazetteer())
    assert [case.text.title for case in extraction.cases] == [
        "进口矿石“先放后检”",
        "港口危险货物“一站式”审批",
        "跨境电商“退货中心仓”",
    ]
    assert [case.number for case in extraction.cases] == [1, 2, 3]
    zones = [[(o.zone, o.area) for o in case.origins if o.kind == "zone"] for case in extraction.cases]
    assert zones == [[("shanghai", None)], [], [("henan", "郑州片区")]]


def test_a_text_with_a_timing_line_below_its_opening_stays_plain_text(tmp_path: Path) -> None:
    """The sniffer asks what the subtitle reader asks: a timing line among the first cues, not anywhere near the top."""
    text = "会议纪要\n时间：上午\n地点：三楼\n主持：某某\n议程如下\n00:00:03,400 --> 00:00:05,000 录音开始\n"
    document = read_document(_write(tmp_path, "notes.txt", text))
    assert document.text == text and document.format == "text/plain"
