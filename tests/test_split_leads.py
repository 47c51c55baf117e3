"""Cases told as prose paragraphs (graph/extract/_split_leads.py and graph/extract/_split_whole.py): each paragraph
led by the area or city it belongs to, as a news feature or a press conference's answer tells several reforms with no
heading (issue #15, helper z17a). The held-out collections were written, with their gold, before the rule."""

from __future__ import annotations

from pathlib import Path

import pytest
from _dev_scoring import score_collection

from ftzgraph.graph.extract._split_lead_titles import headline, headline_subject, listed_titles
from ftzgraph.graph.extract._split_leads import acting_subject, asks, paragraph_place, place_subject, speaker_label_end
from ftzgraph.graph.extract.gazetteer import load_gazetteer
from ftzgraph.graph.extract.pipeline import extract_document
from ftzgraph.graph.model import Document

PROSE = [
    "hebei-presser-collection",
    "zhejiang-feature-collection",
    "sichuan-qa-collection",
    "yunnan-presser-collection",
    "fujian-presser-collection",
    "chongqing-presser-collection",
]


def _document(text: str) -> Document:
    return Document(id="x", path=Path("x.txt"), text=text, sha256="x")


def _cases(text: str) -> list[tuple[int, str, str | None]]:
    extraction = extract_document(_document(text), load_gazetteer())
    return [(c.number, c.title, c.provider) for c in extraction.cases]


FEATURE = """自贸试验区改革激活发展新动能

记者　某某

走进某省自贸试验区，改革的成色写在企业的账本上。三年来，全省累计形成制度创新成果260项，带动进出口增长12%。

在甲江片区，甲江海关推行保税维修“一次备案”监管，企业维修业务无需逐票审批，维修周期缩短40%，全年维修货值8亿元。

乙山片区探索的“标准地+承诺制”改革同样引人注目。乙山市自然资源和规划局推行拿地即开工，项目审批时间压缩至15个工作日，已有32个项目受益。

丙河市则在跨境金融上发力。丙河市地方金融监督管理局会同银行推出“出口信保保单融资”，累计为企业融资5.6亿元，惠及企业210家。

“改革永远在路上。”有关负责人表示，将继续深化制度创新。
"""


def test_paragraphs_led_by_their_area_or_city_are_each_one_case_with_that_provider() -> None:
    assert [(n, p) for n, _, p in _cases(FEATURE)] == [(1, "甲江片区"), (2, "乙山片区"), (3, "丙河市")]


def test_a_prose_case_is_titled_by_its_quoted_reform_name_without_a_generic_head() -> None:
    titles = [t for _, t, _ in _cases(FEATURE)]
    assert titles == ["保税维修“一次备案”监管", "标准地+承诺制", "出口信保保单融资"]


def test_the_lead_and_closing_paragraphs_of_a_feature_are_no_case() -> None:
    extraction = extract_document(_document(FEATURE), load_gazetteer())
    assert "全省累计形成" not in extraction.cases[0].text.text
    assert "改革永远在路上" not in extraction.cases[-1].text.text


PRESSER = """某省新闻发布会实录

主持人：
各位记者朋友，大家好！下面请发布人介绍情况。

发布人（省商务厅副厅长）：
在甲江片区，甲江海关推行保税维修“一次备案”监管，维修周期缩短40%，全年维修货值8亿元。
乙山片区推出“标准地+承诺制”改革，项目审批时间压缩至15个工作日，已有32个项目受益。

记者：
请问在金融方面有哪些创新？

发布人（省商务厅副厅长）：
谢谢提问。丙河片区是金融创新的重点片区。丙河市地方金融监督管理局会同银行推出“出口信保保单融资”，累计为企业融资5.6亿元。
"""


def test_a_case_in_an_answer_after_a_courtesy_starts_at_its_leading_place() -> None:
    extraction = extract_document(_document(PRESSER), load_gazetteer())
    assert [c.provider for c in extraction.cases] == ["甲江片区", "乙山片区", "丙河片区"]
    assert extraction.cases[-1].text.text.startswith("丙河片区是")


def test_a_place_leads_only_before_a_word_that_goes_on_from_a_subject() -> None:
    assert place_subject("在甲江片区，企业…") == ("甲江片区", 1, 5)
    assert place_subject("乙山市则在金融上发力") == ("乙山市", 0, 3)
    assert place_subject("甲江片区（某县）借鉴…") == ("甲江片区", 0, 4)
    assert place_subject("自扩区以来，累计形成成果") is None  # 自扩区 is followed by no subject's word
    assert place_subject("在自贸试验区，企业…") is None  # a generic zone is no place
    assert place_subject("各片区推行…") is None
    assert place_subject("乙山片区以“一支队伍”为抓手") == ("乙山片区", 0, 4)
    assert place_subject("乙山片区以来累计形成成果") is None  # 以来 opens a phrase of time, not an action


def test_a_short_place_after_zai_leads_only_when_a_body_of_it_acts() -> None:
    assert place_subject("在甲江，甲江海关推出退货中心仓。") == ("甲江", 1, 3)
    assert place_subject("在此基础上，海关推出退货中心仓。") is None


def test_only_a_short_courtesy_may_stand_before_the_leading_sentence() -> None:
    assert paragraph_place("谢谢提问。丙河片区是重点片区。") is not None
    assert paragraph_place("这是一段很长的开场白，讲了很多别的事情。丙河片区是重点片区。") is None


def test_two_place_led_paragraphs_are_no_collection() -> None:
    paragraphs = FEATURE.split("\n\n")
    two = "\n\n".join(paragraphs[:4] + paragraphs[5:])  # 甲江 and 乙山 only: one article, read whole
    assert [t for _, t, _ in _cases(two)] == ["自贸试验区改革激活发展新动能"]


def test_with_no_quoted_name_a_prose_case_is_titled_by_the_object_of_its_reform_verb() -> None:
    text = FEATURE.replace("推出“出口信保保单融资”", "开展出口信保保单融资试点")
    assert _cases(text)[2][1] == "出口信保保单融资试点"


def test_two_coordinated_quoted_names_are_one_title() -> None:
    text = FEATURE.replace("推行保税维修“一次备案”监管", "推行进口货物“船边直提”和出口货物“抵港直装”")
    assert _cases(text)[0][1] == "进口货物“船边直提”和出口货物“抵港直装”"


@pytest.mark.parametrize("name", PROSE)
def test_every_case_of_a_held_out_prose_collection_is_found_with_its_provider(name: str) -> None:
    score = score_collection(name)
    assert (score.found, score.provider) == (score.cases, score.cases), score.misses


BRACKET_TURNS = """某省新闻发布会

【主持人】各位记者朋友，大家好！下面请发布人介绍情况。

【发布人】谢谢主持人。今年共遴选出3项案例，分别是：「保税维修“一次备案”」「标准地+承诺制」「出口信保保单融资」。

【某某日报记者】请问在通关方面有哪些创新？

【发布人】感谢您的关注。甲江片区推出保税维修“一次备案”，甲江海关对维修业务实行一次备案，维修周期缩短40%，全年维修货值8亿元。

【某某电视台记者】请问在投资和金融方面呢？

【发布人】谢谢您的提问。在这方面有两项案例。乙山片区推行“标准地+承诺制”，乙山市自然资源和规划局推行拿地即开工，项目审批时间压缩至15个工作日。丙河片区则推出“出口信保保单融资”，丙河市地方金融监督管理局会同银行累计为企业融资5.6亿元，惠及企业210家。

【发布人】好的。丁海片区着力便利人员往来，丁海市人力资源和社会保障局设立“一站式”服务中心，办证时间由15个工作日缩短至3个工作日。
"""


def test_a_speaker_label_opening_the_turn_on_its_line_is_read_past_before_the_lead() -> None:
    assert speaker_label_end("【发布人】谢谢主持人。") == len("【发布人】")
    assert speaker_label_end("【某某日报记者】请问…") == len("【某某日报记者】")
    assert speaker_label_end("发布人（省商务厅副厅长）：甲江片区推出…") == len("发布人（省商务厅副厅长）：")
    assert speaker_label_end("【主要做法】甲江片区推出…") == 0  # a section label is no speaker
    assert speaker_label_end("省商务厅副厅长 张某：谢谢提问。") == len("省商务厅副厅长 张某：")
    assert speaker_label_end("张某（省商务厅副厅长）：好的。") == len("张某（省商务厅副厅长）：")
    assert speaker_label_end("问：甲江片区推出…") == len("问：")
    assert speaker_label_end("存在的问题：甲江片区…") == 0  # 问 inside a word is no speaker
    assert paragraph_place("【发布人】感谢您的关注。甲江片区推出保税维修") == ("甲江片区", 12, 16)


def test_several_short_courtesies_may_stand_before_the_leading_sentence() -> None:
    assert paragraph_place("【发布人】谢谢您的提问。在这方面有两项案例。乙山片区推行…") is not None
    assert paragraph_place("谢谢提问。各位记者朋友，大家下午好，欢迎各位！乙山片区推行…") is None  # a long greeting


def test_two_cases_in_one_answer_are_split_at_the_second_leading_place() -> None:
    cases = _cases(BRACKET_TURNS)
    assert [(n, p) for n, _, p in cases] == [(1, "甲江片区"), (2, "乙山片区"), (3, "丙河片区"), (4, "丁海片区")]
    extraction = extract_document(_document(BRACKET_TURNS), load_gazetteer())
    assert extraction.cases[1].text.text.rstrip().endswith("15个工作日。")
    assert extraction.cases[2].text.text.startswith("丙河片区则")


def test_a_later_sentence_led_by_the_same_place_or_with_no_case_of_its_own_opens_no_second_case() -> None:
    same = BRACKET_TURNS.replace("丙河片区则推出", "乙山片区还推出").replace("「出口信保保单融资」", "")
    assert [p for _, _, p in _cases(same)] == ["甲江片区", "乙山片区", "丁海片区"]
    short = BRACKET_TURNS.replace(
        "丙河片区则推出“出口信保保单融资”，丙河市地方金融监督管理局会同银行累计为企业融资5.6亿元，惠及企业210家。",
        "丙河片区则表示将继续学习。",
    )
    assert "丙河片区则" in extract_document(_document(short), load_gazetteer()).cases[1].text.text


COLON_TURNS = """某省新闻发布会文字实录

主持人：女士们、先生们，上午好！下面请发布人作介绍。

发布人（省商务厅副厅长）：今年确定了3项重点创新举措，一是船舶“多证联办”；二是台胞职业资格“采信即用”；三是涉外商事纠纷“一站式”调解。

某某网记者：请问在港口航运方面有哪些举措？

发布人（省商务厅副厅长）：这个问题我来回答。甲江片区推出船舶“多证联办”，甲江海事局会同甲江海关将7类证书合并受理，办理时间由5个工作日缩短至1个工作日。

某某报记者：请问在对外合作和法治服务方面呢？

发布人（省商务厅副厅长）：好的，我简要介绍两项。乙山片区在对外合作上先行先试，乙山市人力资源和社会保障局对境外职业资格实行“采信即用”，目前已有132名专业人士执业。在丙河片区，丙河市司法局建立涉外商事纠纷“一站式”调解平台，已调解涉外纠纷460件。
"""


def test_turns_labelled_before_a_colon_and_a_second_case_led_by_zai_place() -> None:
    """发布人（…）：这个问题我来回答。X片区推出… / …。在Y片区，… (z17e)."""
    assert [(n, p) for n, _, p in _cases(COLON_TURNS)] == [(1, "甲江片区"), (2, "乙山片区"), (3, "丙河片区")]
    extraction = extract_document(_document(COLON_TURNS), load_gazetteer())
    assert extraction.cases[2].text.text.startswith("在丙河片区")
    assert "132名" in extraction.cases[1].text.text  # a count of people is a figure


def test_titles_listed_once_in_the_opening_statement_title_the_cases_told_later() -> None:
    """分别是：「A」「B」… or 一是A；二是B；…: each case takes the listed title whose quoted name it tells (z17e)."""
    assert listed_titles(BRACKET_TURNS)[:2] == ["保税维修“一次备案”", "标准地+承诺制"]
    assert [t for _, t, _ in _cases(COLON_TURNS)] == [
        "船舶“多证联办”",
        "台胞职业资格“采信即用”",
        "涉外商事纠纷“一站式”调解",
    ]


def test_a_list_of_titles_counts_from_one_and_holds_at_least_two() -> None:
    assert listed_titles("共4项，一是船舶“多证联办”；二是企业年报“多报合一”。") == [
        "船舶“多证联办”",
        "企业年报“多报合一”",
    ]
    assert listed_titles("一是建立“白名单”制度。\n") == []  # one point is no list
    assert listed_titles("二是推行A事项；三是推行B事项。") == []  # a list counts from 一
    assert listed_titles("分别是：「甲项」「乙事项」。") == ["甲项", "乙事项"]
    assert listed_titles("他说：「好」。") == []  # one bracketed word is a quotation, not a list


def test_a_topic_clause_may_open_the_leading_sentence_and_the_case_starts_with_it() -> None:
    """在跨境金融方面，X片区… / …。围绕退货难的问题，Y片区…: the place after a topic clause leads (z17e)."""
    text = COLON_TURNS.replace(
        "这个问题我来回答。甲江片区推出", "这个问题我来回答。在港口航运方面，甲江片区推出"
    ).replace("在丙河片区，丙河市司法局", "围绕涉外纠纷化解，丙河片区会同丙河市司法局")
    assert [p for _, _, p in _cases(text)] == ["甲江片区", "乙山片区", "丙河片区"]
    extraction = extract_document(_document(text), load_gazetteer())
    assert extraction.cases[0].text.text.startswith("在港口航运方面，甲江片区")
    assert extraction.cases[2].text.text.startswith("围绕涉外纠纷化解，丙河片区")
    assert "围绕" not in extraction.cases[1].text.text


QUOTED_LIST = """某市新闻发布会实录

【主持人】各位记者朋友，上午好！请市商务委负责人介绍情况。

【市商务委负责人】谢谢主持人。今年评选出3项重点成果，包括“多式联运一单制”“跨境电商出口监管”和“离岸贸易真实性审核”。

【某报记者】请问在物流方面有哪些成果？

【市商务委负责人】感谢提问。这方面最有代表性的成果是“多式联运一单制”。甲江片区联合物流企业推行多式联运“一单制”，货物经铁海联运只需一次委托、一份单证，全程运输时间缩短约30%。乙山片区则聚焦跨境电商出口，乙山海关推行跨境电商出口“清单申报”监管，企业凭清单即可通关，企业通关成本下降40%。

【市商务委负责人】补充一点。丙河片区在离岸贸易上先行先试，丙河市外汇管理部门指导银行对离岸贸易实行“白名单”真实性审核，资金结算效率提高50%。
"""


def test_a_sentence_naming_a_listed_reform_may_stand_before_the_leading_place() -> None:
    """这方面的代表是“A”。X片区…: longer than a courtesy, but it names a reform the opening statement listed (z17e)."""
    assert [p for _, _, p in _cases(QUOTED_LIST)] == ["甲江片区", "乙山片区", "丙河片区"]
    assert (
        paragraph_place("【负责人】感谢提问。这方面最有代表性的成果是“多式联运一单制”。甲江片区推行…") is None
    )  # no list given


def test_titles_listed_as_quoted_names_title_the_cases_that_reword_them() -> None:
    """包括“A”“B”和“C”; a case telling 跨境电商出口“清单申报”监管 takes 跨境电商出口监管 by the pairs of characters it
    holds (z17e)."""
    assert listed_titles(QUOTED_LIST) == ["多式联运一单制", "跨境电商出口监管", "离岸贸易真实性审核"]
    assert [t for _, t, _ in _cases(QUOTED_LIST)] == ["多式联运一单制", "跨境电商出口监管", "离岸贸易真实性审核"]
    assert listed_titles("推行“船边直提”和“抵港直装”。\n") == []  # two names side by side are one reform, not a list


def test_a_reporters_question_naming_a_place_and_a_figure_tells_no_case() -> None:
    """【X记者】乙山片区今年…增长61%，请问…？ is a question, not a case (z17e)."""
    question = "【某某电视台记者】乙山片区今年推出的改革成效明显，审批时间缩短了60%，请问有哪些经验可以推广？"
    text = BRACKET_TURNS.replace("【某某电视台记者】请问在投资和金融方面呢？", question)
    assert [p for _, _, p in _cases(text)] == ["甲江片区", "乙山片区", "丙河片区", "丁海片区"]
    assert asks(question) and asks("主持人：下面开始提问。") and not asks("【发布人】谢谢。")


def test_the_same_area_opens_a_second_case_in_one_answer_when_it_tells_another_listed_title() -> None:
    """乙山片区推行“标准地+承诺制”…。乙山片区还推出“出口信保保单融资”…, both listed: two cases (z17e)."""
    same = BRACKET_TURNS.replace("丙河片区则推出", "乙山片区还推出")
    assert [(p, t) for _, t, p in _cases(same)][1:3] == [
        ("乙山片区", "标准地+承诺制"),
        ("乙山片区", "出口信保保单融资"),
    ]


def test_two_led_answers_are_a_collection_when_the_opening_listed_two_titles() -> None:
    """Below `marked_min_cases`, the opening statement's count vouches for the led paragraphs (z17e)."""
    two = COLON_TURNS.replace(
        "今年确定了3项重点创新举措，一是船舶“多证联办”；二是台胞职业资格“采信即用”；三是涉外商事纠纷“一站式”调解。",
        "今年确定了2项重点创新举措，一是船舶“多证联办”；二是台胞职业资格“采信即用”。",
    )
    two = two.split("在丙河片区")[0]
    assert [(p, t) for _, t, p in _cases(two)] == [
        ("甲江片区", "船舶“多证联办”"),
        ("乙山片区", "台胞职业资格“采信即用”"),
    ]
    unlisted = two.replace("一是船舶“多证联办”；二是台胞职业资格“采信即用”。", "")
    assert len(_cases(unlisted)) == 1  # two led paragraphs alone are one article


def test_a_two_half_headline_opens_with_its_provider_and_a_masthead_is_none() -> None:
    assert headline("某省自由贸易试验区工作办公室　　　　2026年3月18日") is None
    assert headline("甲港海关“智慧查验”上线　进口货物通关再提速") == ("甲港海关“智慧查验”上线", "进口货物通关再提速")
    assert headline("甲港海关推行智慧查验，进口货物通关再提速。") is None  # a sentence, no headline
    assert (headline_subject("乙市开发区推行“拿地即开工”　项目落地跑出加速度\n正文") or ("",))[0] == "乙市开发区"
    assert (headline_subject("丙片区“跨境结算一站通”　外贸企业结汇更便利") or ("",))[0] == "丙片区"
    assert headline_subject("“跨境结算一站通”上线　外贸企业结汇更便利") is None  # no subject before the quote


TWO_OF_ONE_AREA = "\n".join(
    [
        "某省新闻发布会",
        "",
        "【主持人】下面请发布人介绍情况。",
        "",
        "【发布人】谢谢主持人。下面我介绍几项案例的情况。",
        "",
        "【某某日报记者】请问合肥片区有哪些创新？",
        "",
        "【发布人】谢谢您的提问。合肥片区有两项案例。第一项是“研发费用预审”，合肥市税务局建立预审机制，"
        "今年已为860家企业提供预审服务。第二项是“实验动物通关便利”，合肥海关推行预约查验，通关时间由3天缩短至6小时。",
        "",
        "【某某晚报记者】芜湖片区呢？",
        "",
        "【发布人】好的。芜湖片区推行汽车零部件“保税集拼”，芜湖海关实行集中查验，企业物流成本下降20%。",
        "",
    ]
)


def test_an_answer_going_on_to_its_areas_next_case_with_no_title_list_gives_two_cases_of_that_area() -> None:
    """第一项是“A”…。第二项是“B”…: with no title list, the second case is cut at its item word and keeps the area
    that led the answer as provider (z17g)."""
    cases = _cases(TWO_OF_ONE_AREA)
    assert [(t, p) for _, t, p in cases] == [
        ("研发费用预审", "合肥片区"),
        ("实验动物通关便利", "合肥片区"),
        ("汽车零部件“保税集拼”", "芜湖片区"),
    ]


BULLETIN = """某省人民政府办公厅关于复制推广改革试点经验工作情况的通报
各市人民政府，省政府各部门：
现将有关情况通报如下。
一、典型做法
1．甲东区推行“开办+社保”一件事。甲东区市场监管局会同区人社局实行一表申请、一次办结，办理时间由3天压缩至1天，今年已办理860件。
2．乙山市推广“竹林碳汇”交易模式。乙山市林业局联合市发展改革委建立竹林碳汇收储机制，累计交易碳汇12万吨，带动林农增收300余万元。
3．省药品监督管理局推行药品经营许可“告知承诺”。省药品监督管理局对药品零售企业实行告知承诺制，全省已有300家企业当场领证。
二、下一步工作
各地要进一步压实责任，推动更多经验落地见效。

抄送：省委办公厅。
"""


def test_a_bulletins_numbered_paragraphs_are_each_a_case_led_by_their_subject() -> None:
    assert _cases(BULLETIN) == [
        (1, "“开办+社保”一件事", "甲东区"),
        (2, "“竹林碳汇”交易模式", "乙山市"),
        (3, "药品经营许可“告知承诺”", "省药品监督管理局"),
    ]


DASHES = """甲州市乙丘区2024年度复制推广改革试点经验工作总结
乙丘区人民政府

2024年，我区扎实推进各项改革举措落地，现将有关情况总结如下。
一、主要工作
（一）加强组织领导。建立月调度工作机制，全年召开专题会议5次。
（二）推动改革落地。全年共复制推广改革试点经验30项：
——开展“水电气”联合报装。区行政审批局会同供电公司实行联合踏勘，报装时间由10个工作日压缩至3个工作日。
——推行工业用地“标准地”出让。区自然资源分局联合区发展改革局在出让前完成区域评估，全年出让标准地7宗。
——实施涉企轻微违法“首违不罚”。区市场监督管理局对首次轻微违法的企业依法不予处罚，全年办理案件60件。
二、存在的问题
部分改革举措系统集成不够。
"""


def test_dash_bullets_of_a_places_report_are_cases_of_the_reporting_place() -> None:
    assert _cases(DASHES) == [
        (1, "“水电气”联合报装", "乙丘区人民政府"),
        (2, "工业用地“标准地”出让", "乙丘区人民政府"),
        (3, "涉企轻微违法“首违不罚”", "乙丘区人民政府"),
    ]


def test_two_dash_bullets_are_no_collection() -> None:
    """Fewer than marked_min_cases bullets: a report's list of points, not its cases."""
    two = DASHES.replace("——实施涉企轻微违法", "实施涉企轻微违法")
    assert len(_cases(two)) != 2


def test_a_bulletin_titled_as_a_notice_on_reform_experience_keeps_its_paragraph_cases() -> None:
    """关于…复制推广…改革试点经验情况的通报 reads as a batch notice; with no items, its told cases are read."""
    from ftzgraph.graph.extract.layout import detect_layout
    from ftzgraph.graph.model import BATCH_NOTICE

    text = BULLETIN.replace(
        "现将有关情况通报如下。",
        "今年以来，各地各部门深入推进自贸试验区改革试点经验复制推广工作，取得阶段性成效。现将有关情况通报如下。",
    ).replace("关于复制推广改革试点经验工作", "关于改革试点经验复制推广工作")  # the title, not the lead's sentence
    assert detect_layout(_document(text)).name == BATCH_NOTICE  # the layout rules take it for a batch's notice
    assert [p for _, _, p in _cases(text)] == ["甲东区", "乙山市", "省药品监督管理局"]


def test_a_county_report_with_no_issuer_line_is_the_provider_of_its_dash_items() -> None:
    text = (
        DASHES.replace("甲州市乙丘区2024年度", "丙丘县2024年").replace("乙丘区人民政府\n", "").replace("我区", "我县")
    )
    assert {p for _, _, p in _cases(text)} == {"丙丘县"}


def test_a_dash_item_told_in_words_the_genre_list_lacks_is_a_case_of_its_run() -> None:
    """关于X区…的报告 names the district after 关于; the fourth item's result (提前45天) holds no listed case word."""
    text = DASHES.replace("甲州市乙丘区2024年度", "关于甲州市乙丘区2024年").replace("乙丘区人民政府\n", "")
    text = text.replace(
        "二、存在的问题",
        "——工程项目“分段施工许可”。区住建局分阶段核发施工许可证，开工时间平均提前45天。\n二、存在的问题",
    )
    assert [(n, p) for n, _, p in _cases(text)] == [(k, "甲州市乙丘区") for k in range(1, 5)]


def test_a_numbered_item_with_a_figure_but_no_listed_case_word_goes_on_the_numbering() -> None:
    item = "4．市自然资源局创新“点状供地”模式。市自然资源局对乡村旅游项目点状供地，一季度供应点状用地11宗。\n"
    text = BULLETIN.replace("二、下一步工作", item + "二、下一步工作")
    assert [(n, p) for n, _, p in _cases(text)][3] == (4, "市自然资源局")


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("越城区学习福建自贸试验区经验，推行拿地即开工。", "越城区"),  # 学习 acts as 借鉴 does
        ("甲海关驻乙市办事处复制推广“铁路快通”监管模式，", "甲海关驻乙市办事处"),  # a resident office
        ("年内，国家税务总局某市税务局借鉴上海自贸试验区经验，", "国家税务总局某市税务局"),  # a city's tax bureau
        ("国家外汇管理局某市中心支局复制推广跨境电商外汇结算便利化经验，", "国家外汇管理局某市中心支局"),
        ("国家发展改革委会同有关部门推出", None),  # a national issuer cited
        ("国家税务总局推出全市统一的办税平台", None),
        # building a platform is acting: the body that regulates it in the next clause is not the subject
        ("曹妃甸片区建设大宗商品仓单登记平台，唐山市地方金融管理局对平台运营进行监管。", "曹妃甸片区"),
        ("某某区搭建跨境电商公共服务平台，", "某某区"),
    ],
)
def test_the_acting_subject_learning_a_resident_office_and_a_citys_tax_bureau(text: str, subject: str | None) -> None:
    found = acting_subject(text, 0)
    assert (found[0] if found else None) == subject


def test_a_slogans_half_is_no_place() -> None:
    """(issue #15, helper z25a) A headline's second half that builds or ranks something (打造开办企业最便利城区) ends
    like a district but names none; a district's own name (柯城区) is one."""
    from ftzgraph.graph.extract._split_leads import is_place

    assert not is_place("打造开办企业最便利城区") and not is_place("建设一流营商环境示范区")
    assert is_place("柯城区") and is_place("铁山港区")


_WIRE = (
    "新华社电（记者 某某）题：改革经验走进内陆城市\n\n"
    "近年来，自贸试验区改革经验在更大范围复制推广。记者近日在多地采访发现，一批成果正在落地。\n\n"
    "在江西省抚州市，一项名为“企业登记全程网办”的改革上线后，企业开办时间压缩至1个工作日。\n\n"
    "在湖南省永州市，当地复制推广改革试点经验，推出“涉企联合检查”，今年以来涉企检查次数同比减少三成。\n\n"
    "在湖北省荆门市，被企业称为“贷款不求人”的做法，其实有个正式的名字——“纳税信用贷”，已累计发放贷款3亿元。\n\n"
    "在广西壮族自治区贺州市，市自然资源局借鉴广东自贸试验区广州南沙新区片区的做法，推行水电气联动过户，"
    "已有1200户群众受益。（完）\n"
)


def _wire_cases() -> list[tuple[str, str | None]]:
    document = Document(id="w", path=Path("w.txt"), text=_WIRE, sha256="w")
    return [(case.title, case.provider) for case in extract_document(document).cases]


def test_a_wire_paragraph_stating_its_result_in_words_is_a_case_of_its_own() -> None:
    assert [provider for _, provider in _wire_cases()] == ["抚州市", "永州市", "荆门市", "贺州市"]  # 减少三成: a figure


def test_a_nickname_others_give_a_reform_and_a_practices_source_are_no_title() -> None:
    titles = [title for title, _ in _wire_cases()]
    assert titles[2] == "纳税信用贷"  # not 贷款不求人, nor with the words before the dash
    assert titles[3] == "水电气联动过户"  # not 广东自贸试验区广州南沙新区片区的做法
