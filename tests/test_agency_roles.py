"""Roles that are not acting in a case (graph/extract/_agency_roles.py): the people of a press conference's transcript
(issue #15, helper z17f). The press office and the bodies holding a conference, the bodies that only attend it, and a
speaker's or host's body on a role line (【发布人】, 发布人：) are not actors of the case an answer tells; a body the
answer names acting still is. Texts are worded for the test, not taken from the held-out parts.
"""

from __future__ import annotations

from _gold_cases import make_case

from ftzgraph.graph.extract.agencies import extract_agencies_and_mentions


def _names(text: str, provider: str | None) -> list[str]:
    return [a.name for a in extract_agencies_and_mentions(make_case(text), provider)[0]]


def test_co_hosts_listed_before_the_verb_hold_the_conference() -> None:
    text = "杭州市人民政府新闻办公室、滨江区人民政府联合举行新闻发布会。杭州海关推出提前申报。"
    assert _names(text, "杭州市") == ["杭州海关"]


def test_bodies_that_only_attend_the_announced_conference_do_not_act() -> None:
    text = "市政府新闻办举行新闻发布会，市发展改革委、市口岸办负责同志出席。问：有何新举措？答：杭州海关推行提前申报。"
    assert _names(text, "杭州市") == ["杭州海关"]


def test_a_role_lines_body_is_a_speakers_affiliation() -> None:
    # no post follows the bodies here, so the speaker-title rule cannot tell: the label does
    text = "【主持人】杭州市人民政府新闻办公室 李某\n发布人：杭州市商务局 赵某\n赵某：杭州海关推行提前申报。"
    assert _names(text, "杭州市") == ["杭州海关"]


def test_attending_outside_a_press_conference_is_left_to_the_other_rules() -> None:
    # guard: 出席 in a sentence that announces no press event is no press role
    text = "市商务局会同市税务局出席签约仪式，并推出出口退税便利措施。"
    assert _names(text, "杭州市") == ["杭州市商务局", "杭州市税务局"]


def test_a_role_label_with_the_body_in_brackets_ends_at_the_bracket() -> None:
    # the answer may follow on the same line: only the bracket's body is the speaker's
    text = "主持人（杭州市人民政府新闻办公室）：\n请杭州市商务局介绍。\n发布人（杭州市商务局）：杭州海关推行提前申报。"
    assert _names(text, "杭州市") == ["杭州海关"]


def test_a_body_labelling_an_answer_in_a_press_transcript_is_the_speaker() -> None:
    text = "市政府新闻办举行发布会。\n杭州市商务局：杭州海关推行提前申报。\n市商务局 赵某：市市场监管局推行证照联办。"
    assert _names(text, "杭州市") == ["杭州海关", "杭州市市场监督管理局"]


def test_a_body_labelling_its_duties_outside_a_press_transcript_acts() -> None:
    # guard: in a list of duties the label is the body that acts
    assert _names("杭州市商务局：负责推行提前申报。", "杭州市") == ["杭州市商务局"]


def test_a_press_office_heading_its_event_and_bodies_speaking_through_officials() -> None:
    heading = "杭州市政府新闻办“自贸试验区建设”新闻发布会\n杭州海关推行提前申报。"
    assert _names(heading, "杭州市") == ["杭州海关"]
    opening = "市政府新闻办召开新闻发布会，杭州市商务局、杭州海关负责同志介绍情况。杭州市税务局推行非接触办税。"
    assert _names(opening, "杭州市") == ["杭州市税务局"]


def test_a_body_listing_the_practice_in_a_batch_is_its_issuer() -> None:
    text = "桂林市文化广电和旅游局会同桂林海关推行入境旅游团预检，自治区商务厅将该做法列入全区第四批复制推广清单。"
    assert _names(text, "桂林市") == ["桂林市文化广电和旅游局", "桂林海关"]
    # a body putting items of its own on a list it manages acts
    own = "桂林市商务局将30项涉企事项纳入清单管理，桂林海关同步开展监管。"
    assert _names(own, "桂林市") == ["桂林市商务局", "桂林海关"]


def test_a_press_office_announcing_the_news_does_not_act() -> None:
    text = "宁德市人民政府新闻办公室12日发布消息，宁德海关推行出口退税“提前办”。"
    assert _names(text, "宁德市") == ["宁德海关"]


def test_a_body_that_only_publicises_does_not_act() -> None:
    text = "区商务局推行出口退税“提前办”，区委宣传部负责宣传报道。"
    assert all("宣传部" not in n for n in _names(text, "宁德市蕉城区"))


def test_a_hotlines_transfer_target_does_not_act() -> None:
    text = "区商务局推行出口退税“提前办”。\n转办说明：涉及报关问题的，转宁德海关12360热线。"
    assert all("海关" not in n for n in _names(text, "宁德市蕉城区"))


def test_a_body_that_publicises_and_acts_still_acts() -> None:
    # guard: publicity followed by more of the clause is work, not only publicity
    text = "区商务局组织宣传培训并推行出口退税“提前办”。"
    assert any(n.endswith("蕉城区商务局") for n in _names(text, "宁德市蕉城区"))


def test_the_source_of_a_sentence_does_not_act() -> None:
    text = "据区委改革办介绍，区商务局推行出口退税“提前办”。"
    assert all("改革" not in n for n in _names(text, "宁德市蕉城区"))


def test_a_list_that_only_publicises_does_not_act() -> None:
    text = "区商务局推行出口退税“提前办”，区委宣传部、区融媒体中心做好宣传报道。"
    assert all("宣传部" not in n for n in _names(text, "宁德市蕉城区"))
    # guard: a list that does the work and then publicity words of the work's own name acts
    text = "区商务局、区税务局联合开展宣传。"
    assert len(_names(text, "宁德市蕉城区")) == 2


def test_a_list_whose_only_act_is_its_duty_stands_by() -> None:
    # issue #15, z26b: …等部门按职责做好配合 names bodies standing by, not acting in the reform
    text = "市交通运输局会同宁德海关推行船舶“进出港一次办”，宁德市商务局、港航局等部门按职责做好服务。"
    assert _names(text, "宁德市") == ["宁德市交通运输局", "宁德海关"]


def test_a_motions_handling_roles_name_who_answers() -> None:
    # issue #15, z26b: 主办/会办 in a reply to a deputy's suggestion: the co-handling bodies do not act
    text = "您提出的建议由我局主办，市财政局、市交通运输局会办。现答复如下：宁德市商务局会同宁德海关推行“仓港联动”。"
    assert _names(text, "宁德市") == ["宁德市商务局", "宁德海关"]


def test_organising_an_event_outside_a_motion_is_left_to_the_other_rules() -> None:
    # guard: 主办 in a sentence naming no motion is an organiser's role, left as it was
    text = "宁德市商务局主办，宁德海关协办，推行出口“提前申报”。"
    assert "宁德海关" in _names(text, "宁德市")


def test_a_maritime_office_is_named_under_its_bureau() -> None:
    # issue #15, z26b: 福建海事局宁德海事处 is one office; its parent opens its name and does not act
    assert _names("福建海事局宁德海事处推行船舶“进出港报告一次办”。", "宁德市") == ["福建海事局宁德海事处"]


def test_a_source_the_next_clause_refers_back_to_acts() -> None:
    """记者从X获悉 or 据X介绍 makes X a source; when the next clause opens with 该 and an ending of X's name (该局,
    该委), X is the subject that acts. 该市 refers to no bureau."""
    source = "记者从中山市人力资源和社会保障局获悉，"
    assert _names(source + "改革已推开。", "中山市") == []
    assert _names(source + "该局联合中山海关推出“一窗通”。", "中山市") == ["中山市人力资源和社会保障局", "中山海关"]
    said = "据中山市发展和改革局介绍，"
    assert _names(said + "该局联合中山海关推出“一窗通”。", "中山市") == ["中山市发展和改革局", "中山海关"]
    assert _names(said + "该市联合中山海关推出“一窗通”。", "中山市") == ["中山海关"]


def test_a_body_that_reports_or_claims_is_no_actor() -> None:
    # issue #15, fixer z29e: 据X报告 is a source like 据X介绍; X称 claims something of the reform
    text = "据县人大常委会报告，县市场监管局会同县交通运输局推行首违不罚，县政府称该做法为全省首创。"
    assert _names(text, "德清县") == ["德清县市场监督管理局", "德清县交通运输局"]
    claim = "经开区管委会提出，本案例为开发区原创。经开区行政审批局推行预审批。"
    assert "宣城经济技术开发区管理委员会" not in _names(claim, "宣城经济技术开发区")
