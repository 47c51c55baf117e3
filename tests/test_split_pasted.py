"""Attachments pasted into an e-mail and cases announced in a meeting's speech-to-text output
(graph/extract/_split_pasted.py): each is a case; the mail's header and letter and the chair's turns are none."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from ftzgraph.graph.extract._split_pasted import pasted_unit
from ftzgraph.graph.extract.split import split_cases
from ftzgraph.graph.model import Document

UNSEEN = Path(__file__).parent / "data" / "unseen"

MAIL = """发 件 人：某市自贸办
收 件 人：省自贸办
主　　题：报送3家单位的典型案例
日　　期：2025年1月6日 10:00

省自贸办：
    现报送3家单位的典型案例，详见附件。

某市自贸办

附件1：甲区“进口药品通关一站式”.docx

进口药品通关一站式
    甲区会同海关推行进口药品通关一站式办理，企业一次提交材料。通关时间由3天缩短至1天，服务企业45家。

附件2：乙县“农产品出口溯源码”.docx

农产品出口溯源码
    乙县市场监管局为出口农产品赋予溯源码，海关凭码快速验放。已赋码产品1.6万批次，验放时间缩短40%。

-----原始邮件-----
附件3：丙区“跨境数据流动白名单”.docx

跨境数据流动白名单
    丙区建立跨境数据流动白名单制度，名单内企业数据出境评估时间缩短至15个工作日，已有23家企业入选。
"""

MEETING = """会议名称：案例交流会
转写工具：自动转写

发言人1　00:00:10
嗯好我们开始今天交流三个案例

发言人1　00:00:40
那个请甲海关介绍第一个案例“保税维修监管创新”

发言人2　00:00:55
嗯我们甲海关推行保税维修监管创新首先就是“维修货物全程保税”今年维修飞机发动机120台同比增长30%

发言人1　00:03:00
好第二个是乙区的“企业开办一日办结”请乙区

发言人3　00:03:15
那个乙区这边企业开办一日办结营业执照和公章一次领取今年新设企业8600户办理时间压缩到1天

发言人1　00:05:40
第三个案例请丙局介绍“工程审批告知承诺”

发言人4　00:05:55
嗯丙局推行工程审批告知承诺企业承诺后先行开工审批时间缩短60%惠及项目210个

发言人1　00:08:00
好都讲完了散会
"""


def _document(text: str) -> Document:
    return Document(id="x", path=Path("x.txt"), text=text, sha256="")


def test_each_pasted_attachment_is_a_case_and_the_mail_around_them_none() -> None:
    cases = split_cases(_document(MAIL)).cases
    assert [c.title for c in cases] == ["进口药品通关一站式", "农产品出口溯源码", "跨境数据流动白名单"]
    assert "发 件 人" not in cases[0].text and "现报送" not in cases[0].text
    assert "原始邮件" not in cases[1].text  # a quoted-reply marker over the next attachment belongs to neither


def test_each_announced_case_is_a_case_titled_by_its_announced_name() -> None:
    cases = split_cases(_document(MEETING)).cases
    assert [c.title for c in cases] == ["保税维修监管创新", "企业开办一日办结", "工程审批告知承诺"]
    assert "散会" not in cases[-1].text  # the chair's closing turn is no case's
    assert "我们开始" not in cases[0].text
    assert "维修货物全程保税" in cases[0].text  # a presenter's 首先…“A” announces no case: only the chair's turns do


@pytest.mark.parametrize(
    ("head", "unit"),
    [
        ("附件2：X区“进口药品通关一站式”.docx", "X区"),
        ("----- 附件：“外籍人才单一窗口”（某市公安局）-----", "某市公安局"),
        ("好那下面请某海关介绍第一个案例“保税维修监管创新”", "某海关"),
        ("第二个是某市商务局的“二手车出口一站式服务”，请商务局。", "某市商务局"),
    ],
)
def test_the_unit_an_attachment_line_or_announcement_names_is_read(head: str, unit: str) -> None:
    found = pasted_unit(head)
    assert found is not None and found[0] == unit and head[found[1] : found[2]] == unit


def test_a_line_that_opens_no_attachment_and_announces_nothing_names_no_unit() -> None:
    assert pasted_unit("进口药品通关一站式") is None
    assert pasted_unit("附件：关于征集案例的通知.docx") is None


def test_a_notice_listing_its_attachments_by_name_is_not_cut() -> None:
    notice = (
        "关于报送案例的通知\n各片区：\n    请按附件格式报送案例，每个单位不超过3个，于5月底前报送。\n\n"
        "附件1：案例模板.docx\n附件2：报送汇总表.docx\n\n某省自贸办\n2025年3月1日\n"
    )
    assert split_cases(_document(notice)).cases == []


def test_an_article_quoting_ordinals_outside_speaker_turns_is_not_cut() -> None:
    article = (
        "自贸区改革再提速\n    今年以来，某片区推出第一个“保税维修监管创新”试点，维修发动机120台。"
        "第二个是“企业开办一日办结”，新设企业8600户。\n"
        "    记者了解到，片区下一步将推出更多改革举措。\n（来源：某某日报）\n"
    )
    assert split_cases(_document(article)).cases == []


def test_an_e_mail_forwarding_one_notice_gives_no_case() -> None:
    text = (UNSEEN / "jiangxi-email-noncollection.txt").read_text(encoding="utf-8")
    assert split_cases(_document(text)).cases == []


FILED_MAIL = """主　题：报送典型案例
发件人：某市商务局
附　件：3个（材料1.docx；材料2.docx；材料3.docx）

省厅：
    现报送3家单位的案例材料，正文粘贴如下。

========== 材料1.docx ==========
进口药品通关一站式
某区人民政府
    某区会同海关推行进口药品通关一站式办理，企业一次提交材料。通关时间由3天缩短至1天，服务企业45家。

========== 材料2.docx ==========
农产品出口溯源码
某县市场监督管理局
    某县市场监管局为出口农产品赋予溯源码，海关凭码快速验放。已赋码产品1.6万批次，验放时间缩短40%。

【附件3/3】某海关-材料.docx
保税维修监管创新
某海关
    某海关对保税维修货物实行全程保税监管，今年维修飞机发动机120台，同比增长30%。

—— 原邮件 ——
发件人：省厅
    请各市报送不超过3个典型案例，每个案例1000字以内，累计不超过3000字。
"""


def test_an_attachment_opened_by_a_line_naming_only_its_file_is_a_case_up_to_the_quoted_message() -> None:
    cases = split_cases(_document(FILED_MAIL)).cases
    assert [c.title for c in cases] == ["进口药品通关一站式", "农产品出口溯源码", "保税维修监管创新"]
    assert "现报送" not in cases[0].text  # the header's field listing the files opens no attachment
    assert "原邮件" not in cases[-1].text and "请各市报送" not in cases[-1].text  # the quoted request is no case's


PRESENTED = """会议录音转写
转写时间：2025-03-01 10:00

发言人1　00:00:05
好，今天三个单位交流，先请甲区。

发言人2　00:00:40
各位好，我是甲区商务局的。我们报的案例叫进口药品通关一站式，企业一次提交材料，通关时间由3天缩短至1天，服务企业45家。

发言人1　00:08:00
好。下面乙县。

发言人3　00:08:10
嗯，我来自乙县市场监管局，我们这个叫农产品出口溯源码。为出口农产品赋予溯源码，已赋码产品1.6万批次，验放时间缩短40%。

发言人1　00:15:00
最后，海关。

发言人4　00:15:12
好，我代表丙海关汇报。我们报送的是保税维修“全程保税”，今年维修飞机发动机120台，同比增长30%。

发言人1　00:22:00
好，都讲完了，散会。
"""


def test_each_presenters_turn_stating_its_title_is_a_case_when_the_chair_only_calls_units() -> None:
    cases = split_cases(_document(PRESENTED)).cases
    assert [c.title for c in cases] == ["进口药品通关一站式", "农产品出口溯源码", "保税维修“全程保税”"]
    assert "散会" not in cases[-1].text and "下面乙县" not in cases[0].text


@pytest.mark.parametrize(
    ("head", "unit"),
    [
        ("发言人2　00:00:40\n各位好，我是甲区商务局的。我们报的案例叫进口药品通关一站式，企业…", "甲区商务局"),
        ("说话人3 08:10\n嗯，我来自乙县市场监管局，我们这个叫农产品出口溯源码。", "乙县市场监管局"),
        ("发言人4　00:15:12\n好，我代表丙海关汇报。我们报送的是保税维修“全程保税”，今年…", "丙海关"),
        # words between the unit and the verb are the talk's, not the unit's (作个汇报, 向大家介绍一下, 简要汇报)
        ("发言人6　00:25:40\n我代表戊区商务局作个汇报。我们报送的是跨境电商“一站退货”，今年…", "戊区商务局"),
        ("发言人7　00:31:02\n我代表己县市场监管局向大家汇报一下。我们这个叫食品许可“秒批”…", "己县市场监管局"),
        # the office the speaker works in speaks for the unit it names: the case is that unit's
        ("发言人5　00:20:03\n嗯，我是丁市政府办的，代表丁市汇报。我们这个叫跨境电商“线下自提”，今年…", "丁市"),
    ],
)
def test_the_unit_a_presenter_introduces_before_stating_the_title_is_read(head: str, unit: str) -> None:
    found = pasted_unit(head)
    assert found is not None and found[0] == unit and head[found[1] : found[2]] == unit


def test_a_self_introduction_outside_a_speakers_turn_names_no_unit() -> None:
    assert pasted_unit("我是甲区商务局的。我们报的案例叫进口药品通关一站式，企业一次提交材料。") is None


def test_a_discussion_whose_speakers_state_no_title_is_not_cut() -> None:
    talk = (
        PRESENTED.replace("我们报的案例叫", "我们觉得")
        .replace("我们这个叫", "我们想说")
        .replace("我们报送的是", "关于")
    )
    assert len(split_cases(_document(talk)).cases) < 3


def test_attachments_opened_by_their_number_alone_between_rules_are_cases() -> None:
    numbered = FILED_MAIL.replace("========== 材料1.docx ==========", "—— 附件 1 ——").replace(
        "========== 材料2.docx ==========", "----- 附件2 -----"
    )
    cases = split_cases(_document(numbered)).cases
    assert [c.title for c in cases] == ["进口药品通关一站式", "农产品出口溯源码", "保税维修监管创新"]


@pytest.mark.parametrize(
    ("chair", "presenter"),
    [("主持人　{t}", "发言人{n}　{t}"), ("[{t}] 主持人", "[{t}] 说话人{n}"), ("{t} 发言人1", "{t} 发言人{n}")],
)
def test_turns_labelled_by_the_host_or_with_the_time_first_or_in_brackets_are_read(chair: str, presenter: str) -> None:
    text = PRESENTED
    turns = [("1", "00:00:05"), ("2", "00:00:40"), ("1", "00:08:00"), ("3", "00:08:10")]
    for who, at in [*turns, ("1", "00:15:00"), ("4", "00:15:12"), ("1", "00:22:00")]:
        label = chair if who == "1" else presenter
        text = text.replace(f"发言人{who}　{at}", label.format(t=at, n=who), 1)
    cases = split_cases(_document(text)).cases
    assert [c.title for c in cases] == ["进口药品通关一站式", "农产品出口溯源码", "保税维修“全程保税”"]


INTERVIEW = """采访录音转写

发言人1　00:00:05
请您介绍一下片区的通关改革。

发言人2　00:00:20
好的。我们的做法是把查验前置到综合保税区，企业在区内完成查验后直接转关，通关时间由3天缩短至1天。

发言人1　00:05:00
成效怎么样？

发言人2　00:05:10
嗯，这个做法叫查验前置，今年服务企业120家，节约物流成本约2000万元。

发言人1　00:09:00
下一步有什么打算？

发言人2　00:09:10
我们的做法是推广到更多企业，预计明年服务企业达到300家，通关时间再压缩20%。
"""


def test_an_interviews_one_guest_answering_in_turns_is_not_cut_into_cases() -> None:
    assert len(split_cases(_document(INTERVIEW)).cases) < 2


def test_turns_whose_speech_follows_the_label_on_its_line_are_read() -> None:
    one_line = re.sub(r"(发言人\d　[\d:]+)\n", r"\1：", PRESENTED)
    cases = split_cases(_document(one_line)).cases
    assert [c.title for c in cases] == ["进口药品通关一站式", "农产品出口溯源码", "保税维修“全程保税”"]
    assert "散会" not in cases[-1].text
    head = one_line[cases[1].start : cases[1].heading.end]
    assert (pasted_unit(head) or ("",))[0] == "乙县市场监管局"


def test_an_attachment_with_no_title_line_is_titled_by_its_files_name() -> None:
    untitled = FILED_MAIL.replace(
        "========== 材料1.docx ==========\n进口药品通关一站式\n某区人民政府\n",
        "---- 附件1-进口药品通关一站式.docx ----\n",
    ).replace(
        "========== 材料2.docx ==========\n农产品出口溯源码\n某县市场监督管理局\n",
        "---- 附件2-农产品出口溯源码.docx ----\n",
    )
    cases = split_cases(_document(untitled)).cases
    assert [c.title for c in cases] == ["进口药品通关一站式", "农产品出口溯源码", "保税维修监管创新"]


def test_cases_a_chair_announces_without_quotes_are_read_with_their_units() -> None:
    bare = (
        MEETING.replace(
            "那个请甲海关介绍第一个案例“保税维修监管创新”", "那个第一个案例是甲海关的保税维修监管创新，请甲海关"
        )
        .replace("好第二个是乙区的“企业开办一日办结”请乙区", "好第二个是乙区的企业开办一日办结，请乙区")
        .replace("第三个案例请丙局介绍“工程审批告知承诺”", "第三个案例是丙局的工程审批告知承诺。")
    )
    cases = split_cases(_document(bare)).cases
    assert [c.title for c in cases] == ["保税维修监管创新", "企业开办一日办结", "工程审批告知承诺"]
    heads = [bare[c.start : c.heading.end] for c in cases]
    assert [(pasted_unit(h) or ("",))[0] for h in heads] == ["甲海关", "乙区", "丙局"]


def test_a_presenters_answers_to_the_chairs_questions_stay_in_the_case() -> None:
    asked = PRESENTED.replace(
        "发言人1　00:08:00\n好。下面乙县。",
        "发言人1　00:06:00\n企业反映怎么样？\n\n发言人2　00:06:20\n"
        "企业普遍欢迎，今年新增企业20家，通关成本降低约15%。\n\n发言人1　00:08:00\n好。下面乙县。",
    )
    cases = split_cases(_document(asked)).cases
    assert [c.title for c in cases] == ["进口药品通关一站式", "农产品出口溯源码", "保税维修“全程保税”"]
    assert "新增企业20家" in cases[0].text and "下面乙县" not in cases[0].text


def test_of_two_speakers_announcing_as_many_cases_the_first_to_announce_is_the_chair() -> None:
    """Two speakers each announce two cases: the tie goes to the one who announces first, on every run (the
    speakers were once a set, whose order changes with the hash seed)."""
    text = MEETING.replace("发言人1　00:03:00", "发言人5　00:03:00").replace(
        "发言人1　00:08:00\n好都讲完了散会",
        "发言人5　00:07:00\n第四个案例请丁区介绍“跨境数据流动白名单”\n\n发言人6　00:07:15\n"
        "丁区建立跨境数据流动白名单制度数据出境评估时间缩短至15个工作日已有23家企业入选\n\n"
        "发言人1　00:08:00\n好都讲完了散会",
    )
    cases = split_cases(_document(text)).cases
    assert [c.title for c in cases] == ["保税维修监管创新", "工程审批告知承诺"]
