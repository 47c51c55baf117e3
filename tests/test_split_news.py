"""Cases in news text (graph/extract/_split_news.py): paragraphs each led by the body that acts in them, a case
running over the paragraphs that go on telling it, the item's lead and its closing paragraph kept out, and a
journalist's slogan over a paragraph giving way to the practice the paragraph names, a broadcast script's cues kept
out of subjects and headings (issue #15, fixers z29g, z30g). The held-out collections in tests/data/unseen/news/,
news2/ (z29g) and news3/ (z30g) were written, with their gold, before the rules."""

from __future__ import annotations

from functools import partial
from pathlib import Path

import pytest
from _dev_scoring import score_collection

from ftzgraph.graph.extract._split_media import borrowed_at
from ftzgraph.graph.extract._split_news import (
    closes_item,
    closing_start,
    cue_line,
    heading_line,
    news_stretches,
    news_subject,
    paragraph_provider,
    slogan_title,
)
from ftzgraph.graph.extract._split_whole import reads_as_a_case
from ftzgraph.graph.extract.gazetteer import load_gazetteer
from ftzgraph.graph.extract.pipeline import extract_document
from ftzgraph.graph.model import Document

NEWS = [
    "zhuji-ribao-collection",
    "liuyang-fabuhui-collection",
    "haining-rongmeiti-collection",
    "liling-dianxun-collection",
    "tongxiang-jingjibao-collection",
    "yixing-guangbo-collection",
    "rugao-fabuhui-collection",
    "shuozhou-dianshi-collection",
]
_READS = partial(reads_as_a_case, paragraph=True, words=1)


def _document(text: str) -> Document:
    return Document(id="x", path=Path("x.txt"), text=text, sha256="x")


@pytest.mark.parametrize("name", NEWS)
def test_a_news_item_gives_each_case_it_tells_with_its_subject_as_provider(name: str) -> None:
    score = score_collection(name)
    assert score.found == score.cases, score.misses
    assert score.batch == score.cases and score.zone == score.cases, score.misses
    assert score.titles >= score.cases - 1 and score.provider >= score.cases - 1, score.misses


def test_the_subject_of_a_paragraph_is_the_body_that_acts_in_it() -> None:
    assert news_subject(
        "醴陵海关则复制推广第三批自由贸易试验区“最佳实践案例”，实施出口日用陶瓷“智慧检验”监管，时间缩短。"
    )[0] == ("醴陵海关")
    assert (
        news_subject("今年以来，桐乡海关推行出口毛衫“集拼转关”模式，把多家小微企业的零散货物在本地集中拼箱。")[0]
        == "桐乡海关"
    )


def test_an_official_telling_a_case_gives_the_body_of_the_post() -> None:
    told = "发布会上，如皋市市场监督管理局副局长陈海峰介绍，该局借鉴江苏自贸试验区苏州片区经验，推行食品经营许可改革。"
    assert news_subject(told)[0] == "如皋市市场监督管理局"
    assert news_subject(
        "南通海关驻如皋办事处负责人朱立群介绍，该处借鉴海南自由贸易港经验，推行出口家具“抵港直装”模式。"
    )[0] == ("南通海关驻如皋办事处")


def test_a_body_joined_to_another_by_a_verb_is_cut_before_the_join() -> None:
    text = "在金融领域，中国人民银行桐乡市支行联合桐乡市商务局推出“订单融”跨境融资产品，企业凭出口订单即可获得授信。"
    assert news_subject(text)[0] == "中国人民银行桐乡市支行"


def test_a_paragraph_referring_back_a_quote_or_a_lead_counting_the_cases_opens_no_case() -> None:
    assert (
        news_subject("据介绍，这一模式借鉴了浙江自贸试验区宁波片区的做法。实施半年来，已有210家小微企业参与拼箱。")
        is None
    )
    assert (
        news_subject("“以前一个小柜要跑三家报关行，现在在家门口就办完了。”桐乡一家毛衫外贸企业的负责人沈先生说。")
        is None
    )
    lead = (
        "本报讯（记者 某某）12月3日，记者从X市商务局获悉，该市首批自贸试验区改革经验复制推广典型案例近日出炉，"
        "共有4个案例入选。"
    )
    assert news_subject(lead) is None


def test_a_closing_paragraph_of_plans_or_an_end_mark_closes_the_item() -> None:
    assert closes_item("记者了解到，X市将以此次案例发布为契机，建立复制推广工作机制。")
    assert closes_item("(完)")
    assert not closes_item("“过去货物在口岸还要二次开箱，现在在本地检验完就能直接装船。”企业代表表示。")


def test_the_last_case_ends_before_the_closing_paragraph_that_names_a_zone() -> None:
    path = Path(__file__).parent / "data" / "unseen" / "news" / "liling-dianxun-collection.txt"
    text = path.read_text(encoding="utf-8")
    stretches = news_stretches(text, _READS)
    assert len(stretches) == 3
    assert "长沙片区" not in text[stretches[-1][0] : stretches[-1][1]]
    cases = extract_document(_document(text), load_gazetteer()).cases
    assert [case.provider for case in cases][:2] == ["醴陵市行政审批服务局", "醴陵海关"]
    assert not any(o.zone and "长沙" in o.zone for o in cases[-1].origins)


def test_a_case_runs_over_the_paragraphs_that_go_on_telling_it() -> None:
    path = Path(__file__).parent / "data" / "unseen" / "news2" / "tongxiang-jingjibao-collection.txt"
    text = path.read_text(encoding="utf-8")
    first = news_stretches(text, _READS)[0]
    assert "宁波片区" in text[first[0] : first[1]] and "市场监督管理局" not in text[first[0] : first[1]]


def test_paragraphs_under_heading_lines_of_their_own_are_left_to_the_readers_of_headings() -> None:
    body = (
        "永康市市场监督管理局借鉴浙江自贸试验区杭州片区经验，推出“企业开办一件事”改革，"
        "企业开办全流程压缩至0.5个工作日，惠及企业530家。"
    )
    text = "\n\n".join(["【登记更省心】\n" + body] * 3)
    assert news_stretches(text, _READS) == []
    assert len(news_stretches("\n\n".join([body] * 3), _READS)) == 3


def test_a_broadcast_scripts_cues_are_neither_subjects_nor_headings() -> None:
    body = "大安市交通运输局推行“货运车辆通关预约”，车辆平均等待时间从4小时缩短至不足1小时，惠及企业120家。"
    assert news_subject("（主持人）" + body)[0] == "大安市交通运输局"
    assert news_subject("（画面：货运站场）" + body)[0] == "大安市交通运输局"
    found = news_subject("（主持人）最后关注镇赉县。镇赉县借鉴辽宁自贸试验区大连片区经验，推出“粮食收购贷款快审快贷”。")
    assert found is not None and found[0] == "镇赉县" and found[1] == 13
    assert news_subject("主持人：各位听众，今天的节目关注我市复制推广自贸试验区改革经验的新进展。") is None
    assert cue_line("（记者 张宁 现场音响：窗口叫号声）") and cue_line("【正文】")
    assert not heading_line("（记者 张宁 现场音响：窗口叫号声）") and heading_line("【登记更省心】")
    assert not cue_line("（一）企业开办") and not cue_line("（记者 张宁）大安市…")
    text = "【正文】\n" + "\n\n".join(["（记者 张宁 现场音响：叫号声）\n" + body] * 3)
    assert len(news_stretches(text, _READS)) == 3  # a cue line over a paragraph heads nothing


def test_a_slogan_names_no_reform_but_a_title_does() -> None:
    assert slogan_title("退税不再“跑断腿”")
    assert slogan_title("【让烟花“飞”得更远】")
    assert slogan_title("园区企业融资更容易")
    assert not slogan_title("企业开办“一件事”集成改革")
    assert not slogan_title("工业用地“弹性出让”")
    assert not slogan_title("跨境电商零售进口退货中心仓模式")


def test_a_quoted_practice_borrowed_from_elsewhere_is_no_title() -> None:
    text = "借鉴上海自贸试验区“非接触式”办税经验，上线“云上办税”服务"
    assert borrowed_at(text, text.index("“非"), text.index("办税经验"))
    assert not borrowed_at(text, text.index("“云"), len(text))
    own = "关于推行“首违不罚”清单制度的做法。"
    assert not borrowed_at(own, own.index("“"), own.index("清单"))


def test_a_news_items_last_case_under_a_heading_ends_before_its_closing_paragraph() -> None:
    path = Path(__file__).parent / "data" / "unseen" / "news" / "liuyang-fabuhui-collection.txt"
    text = path.read_text(encoding="utf-8")
    last = extract_document(_document(text), load_gazetteer()).cases[-1]
    assert text[last.text.start : last.text.end].endswith("惠及中小微企业430家。")
    case = (
        "一、企业开办“一件事”改革\n"
        "X区市场监督管理局推行企业开办“一件事”改革，将营业执照、公章刻制和社保登记并为一表，办理时间压缩至1天。\n"
    )
    plans = "下一步，X区将继续深化改革。\n"
    ordinary = "关于印发复制推广典型案例的通知\n\n" + case + plans
    assert closing_start(ordinary, ordinary.index("一、"), ordinary.index("一、"), len(ordinary)) == len(ordinary)
    news = "本报讯（记者 某某）\n\n" + case + plans
    assert closing_start(news, news.index("一、"), news.index("一、"), len(news)) == news.index("\n下一步")


def test_a_case_whose_heading_is_its_news_paragraph_takes_the_paragraphs_subject() -> None:
    path = Path(__file__).parent / "data" / "unseen" / "news" / "zhuji-ribao-collection.txt"
    text = path.read_text(encoding="utf-8").replace("近日出炉，共有4个案例入选。", "近日出炉。本期共发布4个典型案例。")
    cases = extract_document(_document(text), load_gazetteer()).cases
    assert [case.provider for case in cases][::2] == ["诸暨市市场监督管理局", "诸暨市自然资源和规划局"]
    paragraph = (
        "X市召开会议。诸暨市市场监督管理局借鉴浙江自贸试验区杭州片区经验，推出“A”改革，企业开办全流程压缩至半天。"
    )
    assert paragraph_provider("关于印发案例的通知\n" + paragraph, 10, 10, 10 + len(paragraph)) is None


def test_one_reform_told_paragraph_by_paragraph_by_its_bodies_is_no_news_items_cases() -> None:
    one = "{}推行“企业开办一件事”改革，将营业执照、公章刻制、社保登记整合办理，企业开办时间压缩至1天，惠及企业{}家。"
    bodies = ["永康市市场监督管理局", "永康市公安局", "永康市人力资源和社会保障局"]
    text = "\n\n".join(one.format(body, 100 + k) for k, body in enumerate(bodies))
    assert len(extract_document(_document(text), load_gazetteer()).cases) == 1
