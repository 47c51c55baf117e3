"""Whether a body named in a case acts (graph/extract/_agency_acting.py, graph/extract/_agency_page_lines.py), for
the unit a provider line names (issue #15, helper z22c): a line the splitter reads as naming who brought the case,
under any label or bracket, is no actor's mention; a question for a label (谁来推｜X), a unit the text names again by
the end of its name, and the units a text assigns to its measures act. Texts are worded for the test, not taken from
the held-out parts.
"""

from __future__ import annotations

from pathlib import Path

from _gold_cases import make_case

from ftzgraph.graph.extract.agencies import extract_agencies_and_mentions
from ftzgraph.graph.extract.gazetteer import load_gazetteer
from ftzgraph.graph.extract.pipeline import extract_document
from ftzgraph.graph.model import Document

_BODY = "区市场监管局会同区税务局推行个体工商户“智能审批”，办理时间压缩至10分钟。"


def _names(text: str, provider: str | None) -> list[str]:
    return [a.name for a in extract_agencies_and_mentions(make_case(text), provider)[0]]


def test_a_label_no_list_held_names_the_provider() -> None:
    for label in ("经验推荐单位：", "案例申报主体：", "成果完成单位：", "报送部门："):
        names = _names(f"{label}绍兴市柯桥区人民政府\n柯桥{_BODY}", "绍兴市柯桥区")
        assert "柯桥区人民政府" not in names and "绍兴市柯桥区人民政府" not in names, label
        assert "绍兴市柯桥区市场监督管理局" in names, label


def test_a_bracket_closing_the_case_names_who_sent_it() -> None:
    closing = ("（摘自常德市人民政府报送的经验材料）", "（常德市人民政府提供，2023年9月）", "（来源：常德市人民政府）")
    for line in closing:
        names = _names("常德市商务局会同常德海关推行清单核放。\n" + line, "常德市")
        assert names == ["常德市商务局", "常德海关"], line


def test_a_question_for_a_label_asks_who_acts() -> None:
    text = "谁来推｜人行海口中支\n推什么｜支持跨国公司开展本外币一体化资金池业务。"
    assert _names(text, "人行海口中支") == ["中国人民银行海口中心支行"]


def test_a_unit_named_again_by_the_end_of_its_name_acts() -> None:
    text = "实施单位：横琴粤澳深度合作区民生事务局\n民生事务局联合珠海市医疗保障局搭建跨境医疗结算平台。"
    assert "横琴粤澳深度合作区民生事务局" in _names(text, "横琴粤澳深度合作区民生事务局")
    alone = "实施单位：横琴粤澳深度合作区民生事务局\n珠海市医疗保障局搭建跨境医疗结算平台。"
    assert _names(alone, "横琴粤澳深度合作区民生事务局") == ["珠海市医疗保障局"]


def test_units_a_lead_label_lists_act() -> None:
    text = "（一）推行告知承诺。\n责任单位：市发改委、市财政局\n（二）推行容缺受理。\n责任单位：市建设局"
    assert _names(text, "厦门市") == ["厦门市发展和改革委员会", "厦门市财政局", "厦门市建设局"]


def test_a_headings_provider_in_brackets_is_no_actor() -> None:
    text = (
        "关于印发第二批自贸试验区改革创新案例的通知\n\n"
        "一、个体工商户“智能审批”（绍兴市柯桥区人民政府）\n"
        "柯桥区市场监管局推行个体工商户“智能审批”，系统自动核验，办理时间由1天压缩至10分钟。\n\n"
        "二、工程项目“拿地即开工”（绍兴市上虞区人民政府）\n"
        "上虞区住建局推行“拿地即开工”，企业签订出让合同当日即可领取施工许可证，开工时间提前50天。\n"
    )
    document = Document(id="t", path=Path("t.txt"), text=text, sha256="x")
    cases = extract_document(document, load_gazetteer()).cases
    assert [c.provider for c in cases] == ["绍兴市柯桥区人民政府", "绍兴市上虞区人民政府"]
    assert [[a.name for a in c.agencies] for c in cases] == [["柯桥区市场监督管理局"], ["上虞区住房和城乡建设局"]]


def test_a_reviewers_comment_names_no_actor() -> None:
    text = "区市场监管局推行告知承诺。\n〔审核意见（市司法局）：“全省首创”提法请删除。〕\n区税务局同步办理。"
    assert _names(text, "遵义市汇川区") == ["遵义市汇川区市场监督管理局", "遵义市汇川区税务局"]
    acting = "市司法局（市法制办）审核后印发。"  # a body with its second name in brackets still acts
    assert _names(acting, "遵义市") == ["遵义市司法局"]


def test_furniture_lines_name_no_actor() -> None:
    caption = "[图片]\n图｜政务服务中心注销专窗（来源：金义片区）\n金华市市场监督管理局推行注销“一件事”。"
    assert _names(caption, "金义片区") == ["金华市市场监督管理局"]
    bullet = "▲做法　金华市市场监督管理局推行注销“一件事”。"  # a mark heading a paragraph of text
    assert _names(bullet, "金义片区") == ["金华市市场监督管理局"]
    mail = "发件人：唐山市商务局自贸办（刘某某）\n收件人：河北省商务厅自贸区处\n唐山海关推行提前申报。"
    assert _names(mail, "唐山市") == ["唐山海关"]
    distribution = "唐山海关推行提前申报。\n抄送：唐山市发展和改革委员会、唐山市财政局。"
    assert _names(distribution, "唐山市") == ["唐山海关"]


def test_a_signature_with_the_bodys_second_name_signs() -> None:
    text = "岳阳市交通运输局推行水铁联运。\n\n岳阳市商务局（岳阳市自贸办）\n2024年1月10日"
    assert _names(text, "岳阳市") == ["岳阳市交通运输局"]


def test_a_contact_lines_unit_is_whom_to_ask() -> None:
    text = "泉州市税务局推行出口退税预审。\n联系人：泉州市商务局　陈某某　　联系电话：0595-2258××××"
    assert _names(text, "泉州市") == ["泉州市税务局"]


def test_a_speakers_body_acts_in_a_speech_in_its_first_person() -> None:
    head = "推行食品经营许可“证照联办”\n连云港市市场监督管理局副局长　刘某某\n\n"
    speech = head + "各位领导：\n　　我局会同市行政审批局推行证照联办。"
    assert _names(speech, "连云港市") == ["连云港市市场监督管理局", "连云港市行政审批局"]
    told = head + "　　市行政审批局推行证照联办。"
    assert _names(told, "连云港市") == ["连云港市行政审批局"]  # the speech names no first person: an employer only
    place = "海铁联运“一单制”\n连云港市赣榆区人民政府副区长　张某某\n\n　　我区会同连云港海关推行一单制。"
    assert _names(place, "连云港市赣榆区") == ["连云港海关"]  # a government speaking for its district is the place


def test_a_centre_chosen_among_places_is_where() -> None:
    text = "市数据资源局打通电子营业执照互认通道，申请人可在两地任一政务服务中心提交材料。"
    assert _names(text, "马鞍山市") == ["马鞍山市数据资源局"]
    stationed = "长春市自然资源局派员常驻新区政务服务中心。"
    assert _names(stationed, "长春市") == ["长春市自然资源局"]


def test_a_dash_or_bracket_line_names_who_sent_the_case() -> None:
    body = "\n黄石海关推行江海联运水水中转，市交通运输局给予航线补贴。"
    for line in ("——黄石市人民政府", "（黄石市人民政府）"):
        assert _names(line + body, "黄石市") == ["黄石海关", "黄石市交通运输局"], line


def test_a_recommender_a_writer_and_a_lister_are_no_actors() -> None:
    recommended = "经市商务局推荐，该案例入选全省第三批制度创新案例。市税务局推行退税预审。"
    assert _names(recommended, "湖州市") == ["湖州市税务局"]
    written = "区税务局推行退税预审。\n撰稿：湖州市吴兴区人民政府办公室　张三"
    assert _names(written, "湖州市吴兴区") == ["湖州市吴兴区税务局"]
    listed = "区税务局推行退税预审，省商务厅将其列为全省自贸试验区联动创新典型案例。"
    assert _names(listed, "湖州市吴兴区") == ["湖州市吴兴区税务局"]


def test_lead_labels_of_several_measures_and_cooperating_units_act() -> None:
    measures = "1.推行告知承诺制。\n牵头部门：市发改委\n2.推行容缺受理。\n牵头部门：市行政审批局"
    assert _names(measures, "厦门市") == ["厦门市发展和改革委员会", "厦门市行政审批局"]
    helping = "一、推行告知承诺制\n配合单位：市财政局\n市发改委推行告知承诺制。"
    assert _names(helping, "厦门市") == ["厦门市财政局", "厦门市发展和改革委员会"]


def test_a_comment_in_tag_brackets_names_no_actor() -> None:
    text = "滁州市住建局推行竣工即交证。\n【修改意见（市自然资源和规划局）】“全省首创”提法请删除。"
    assert _names(text, "滁州市") == ["滁州市住房和城乡建设局"]


def test_a_subject_a_hard_wrap_ends_its_line_after_still_acts() -> None:
    text = "今年以来，平潭综合实验区管理委员会\n会同福州海关建设对台小额商品交易市场。"
    case = make_case(text)
    start = text.index("平潭")
    evidence = case.evidence(start, start + len("平潭综合实验区管理委员会"))
    agencies, _ = extract_agencies_and_mentions(case, "平潭综合实验区管理委员会", evidence)
    assert "平潭综合实验区管理委员会" in [a.name for a in agencies]
    signed = "福州海关建设对台小额商品交易市场。\n——平潭综合实验区管理委员会"
    case = make_case(signed)
    start = signed.index("平潭")
    evidence = case.evidence(start, start + len("平潭综合实验区管理委员会"))
    agencies, mentions = extract_agencies_and_mentions(case, "平潭综合实验区管理委员会", evidence)
    assert [a.name for a in agencies] == ["福州海关"]
    assert "平潭综合实验区管理委员会" in [m.as_written for m in mentions]  # the provider's own mention is kept


def test_a_line_naming_only_its_unit_between_marks_names_who_sent_the_case() -> None:
    for line in ("◎十堰市人民政府", "／十堰市人民政府／", "〔十堰市人民政府申报〕", '"sbdw": "十堰市人民政府",'):
        names = _names(f"{line}\n市商务局会同十堰海关推行汽车零部件出口“提前申报”。", "十堰市")
        assert names == ["十堰市商务局", "十堰海关"], line


def test_a_footnote_saying_whose_material_the_case_is_names_no_actor() -> None:
    text = "满洲里市商务局会同满洲里海关推行“车边验放”②。\n②案例B材料由满洲里市人民政府提供。"
    assert _names(text, "满洲里市") == ["满洲里市商务局", "满洲里海关"]


def test_a_body_opening_a_documents_title_without_marks_issued_it() -> None:
    text = "十堰市商务局会同十堰海关推行“提前申报”。\n延伸阅读：湖北省人民政府办公厅关于复制推广自贸试验区经验的文件"
    assert _names(text, "十堰市") == ["十堰市商务局", "十堰海关"]


def test_a_chat_senders_unit_posted_the_case() -> None:
    # 政府办 is the government's office (z25g): neither it nor the government acts; a date may open the header
    for header in ("15:02 孙某（郧阳区政府办）", "2024-07-04 15:02:33 孙某(郧阳区政府办)"):
        text = f"{header}\n郧阳区借鉴经验，区市场监管局会同区税务局推行个体工商户“智能审批”。"
        names = _names(text, "十堰市郧阳区")
        assert not any(n.endswith(("人民政府", "办公室")) for n in names) and "十堰市郧阳区市场监督管理局" in names


def test_a_centre_after_a_stops_label_is_where_a_visit_goes() -> None:
    for line in ("点位2　十堰市政务服务中心", "第三站　张湾区政务服务中心"):
        names = _names(f"{line}\n十堰市商务局会同十堰海关推行“提前申报”。", "十堰市")
        assert names == ["十堰市商务局", "十堰海关"], line


def test_a_line_opening_with_a_button_word_is_text_when_it_goes_on() -> None:
    """扫码即可办理，X局… is a sentence of the case, not a page's 扫码 button; only a credit label (撰稿：X办公室) makes
    the line's body a writer rather than an actor."""
    names = _names("企业开办“掌上办”\n扫码即可办理，宁波市市场监督管理局同步推送营业执照。", None)
    assert "宁波市市场监督管理局" in names, names
    assert _names("企业开办“掌上办”\n撰稿：宁波市市场监督管理局办公室　某某", None) == []


def test_a_qualified_or_bracketed_provider_label_names_no_actor() -> None:
    """佐证材料提供单位：X (a known label after a qualifier) and 【改革推进单位】X, 〖材料报送单位〗X (a label closed
    by its bracket, no separator) name who sent the case: the government on them does not act."""
    for label in ("佐证材料提供单位：", "【改革推进单位】", "〖材料报送单位〗"):
        names = _names(f"{label}安顺市西秀区人民政府\n西秀{_BODY}", "安顺市西秀区")
        assert not any(n.endswith("人民政府") for n in names), label
        assert "安顺市西秀区市场监督管理局" in names, label


def test_a_replys_notice_of_remedies_names_no_actor() -> None:
    """可以向X申请行政复议, 向X人民法院提起行政诉讼: the bodies that would hear a complaint, in a reply's closing
    notice."""
    text = (
        "六盘水市商务局会同六盘水海关推行“提前申报”。\n如对本答复不服，可以自收到本答复书之日起60日内向六盘水市人民政府"
        "申请行政复议，或者在6个月内向六盘水市钟山区人民法院提起行政诉讼。"
    )
    assert _names(text, "六盘水市") == ["六盘水市商务局", "六盘水海关"]


def test_a_unit_then_what_it_sent_names_no_actor() -> None:
    """X人民政府　经验材料: a line naming the unit and the kind of text it sent, as a cover's byline."""
    names = _names(f"安顺市西秀区人民政府　经验材料\n西秀{_BODY}", None)
    assert not any(n.endswith("人民政府") for n in names) and "西秀区市场监督管理局" in names[0], names


def test_a_review_line_signs_the_comment() -> None:
    # z25g: a body on a line a review label opens signs or is named in the comment, it does not act
    text = "区商务局推行出口退税“提前办”。\n审核意见：同意制作。　区委改革办　2024年8月12日"
    assert all("改革" not in n for n in _names(text, "十堰市郧阳区"))
    # guard: a bare 审核 or 意见 opens text too (审核：… is a credit's or a step's label), left to the other rules
    text = "意见：区商务局推行出口退税“提前办”。"
    assert any(n.endswith("商务局") for n in _names(text, "十堰市郧阳区"))


def test_the_issuer_of_a_document_relied_on_and_a_superior_that_only_endorses_do_not_act() -> None:
    text = (
        "营口市商务局会同营口海关推行“跨境结算+通关”联办，辽宁省人民政府对此作出批示肯定，"
        "辽宁省人力资源和社会保障厅印发的操作规程作为依据。"
    )
    assert _names(text, "营口市人民政府") == ["营口市商务局", "营口海关"]


def test_a_customs_office_written_after_its_parent_and_owned_is_the_office() -> None:
    text = "大连海关所属庄河办事处对进口海产品实施保税监管，市商务局配合做好企业服务。"
    assert "大连海关庄河办事处" in _names(text, "庄河市人民政府")


# issue #15, fixer z28e: approval by a party committee, bracketed second names, suggestions, objections, credits
def test_a_party_committee_that_only_approves_does_not_act() -> None:
    names = _names("经中共砀山县委同意，县委组织部出台人才新政十条。", "砀山县")
    assert names == ["中共砀山县委组织部"]


def test_a_bracketed_second_name_opening_with_a_committee_is_no_second_body() -> None:
    names = _names("宿州市砀山县\n县委组织部（县委人才办）为引进人才建立服务档案。", "砀山县")
    assert names == ["中共砀山县委组织部"]


def test_a_suggestion_to_a_body_is_no_act() -> None:
    names = _names("宿州市\n市市场监管局推行登记“秒批”。下一步，市商务局可会同相关部门研究推广。", "宿州市")
    assert names == ["宿州市市场监督管理局"]


def test_an_objection_goes_to_a_body_a_notice_in_charge_acts() -> None:
    objection = "对名单有异议的，请在公示期内向市商务局（市自贸办）反映。"
    assert _names("宿州市\n市市场监管局推行登记“秒批”。\n" + objection, "宿州市") == ["宿州市市场监督管理局"]
    assert "宿州市商务局" in _names("宿州市\n执行中遇到的问题，请径向市商务局反映。", "宿州市")


def test_a_bracketed_credit_opening_a_line_names_who_sent_the_case() -> None:
    names = _names("（宿州市人民政府供稿）按照市政府部署，市交通运输局推行货车“一证通行”。", "宿州市")
    assert names == ["宿州市交通运输局"]


def test_a_hall_where_a_counter_is_set_up_is_a_place() -> None:
    names = _names("宿州市\n市市场监管局推行注销“一件事”，市政务服务中心设立注销专窗，市人社局同步办理。", "宿州市")
    assert names == ["宿州市市场监督管理局", "宿州市人力资源和社会保障局"]


# Who acts versus who is a case's source, approves from above, hosts or fills a form's slot (issue #15, fixer z29e).
# Texts are worded for the test, not taken from the held-out parts.


def test_a_case_source_in_closing_brackets_does_not_act() -> None:
    text = "市商务局会同南通海关推行出口预检，市市场监管局建立档案（案例来源：南通市海门区人民政府）。"
    names = _names(text, "南通市")
    assert names == ["南通市商务局", "南通海关", "南通市市场监督管理局"]


def test_a_provinces_department_approving_a_citys_act_does_not_act() -> None:
    text = "市生态环境局联合市应急管理局推行并联审查，经省生态环境厅批准后在全市实施。"
    assert _names(text, "绵阳市") == ["绵阳市生态环境局", "绵阳市应急管理局"]
    own_level = "市生态环境局联合市应急管理局推行并联审查，经市自然资源局审核同意后实施。"
    assert "绵阳市自然资源局" in _names(own_level, "绵阳市")  # a department at the case's level takes part


def test_a_government_hosting_a_meeting_on_the_reform_does_not_act() -> None:
    text = "市商务局会同芜湖海关推行提前申报，市人民政府召开现场推进会予以推广。"
    assert _names(text, "芜湖市") == ["芜湖市商务局", "芜湖海关"]
    department = "市商务局召开培训会，芜湖海关推行提前申报。"
    assert "芜湖市商务局" in _names(department, "芜湖市")  # a line department hosting a meeting acts


def test_a_forms_unit_writing_in_its_first_person_acts() -> None:
    text = "填报单位（盖章）：泰州海事局\n改革举措：我局将船舶登记合并办理，市交通运输局同步办理营运证。"
    assert _names(text, "泰州海事局") == ["泰州海事局", "泰州市交通运输局"]
    other = "填报单位（盖章）：泰州海事局\n改革举措：市交通运输局同步办理营运证。"
    assert _names(other, "泰州海事局") == ["泰州市交通运输局"]


def test_a_recommendation_opinion_line_names_no_actor() -> None:
    text = "改革举措：市交通运输局推行联办。\n推荐意见：☑同意推荐　□不同意推荐　　（泰州市商务局）"
    assert _names(text, "泰州市") == ["泰州市交通运输局"]


def test_a_verb_before_customs_on_a_question_line_is_no_port() -> None:
    text = "淮安海关推行先放后检。\n【研讨提示】请结合案例，分析海关监管方式改革的要点。"
    assert _names(text, "淮安海关") == ["淮安海关"]


def test_a_search_results_site_name_and_a_forum_poster_do_not_act() -> None:
    result = "进口铁矿石“先放后检” - 港区动态 - 昆山市人民政府\n……昆山市商务局会同昆山海关推行先放后检。"
    assert _names(result, "昆山市") == ["昆山市商务局", "昆山海关"]
    forum = "3楼　吴江区人民政府（认证用户）　答：\n区医保局和区卫健委推行医保结算一站式。"
    assert _names(forum, "苏州市吴江区") == ["苏州市吴江区医疗保障局", "苏州市吴江区卫生健康委员会"]


def test_an_issuing_office_in_a_metadata_field_does_not_act() -> None:
    text = "发文机关：海宁市人民政府办公室\n经市政府同意，市发改局牵头推行验收即发证。"
    assert _names(text, "海宁市") == ["海宁市发展和改革局"]


def test_a_form_rows_recommendation_opinion_names_no_actor() -> None:
    text = "| 主要做法 丨 绥阳市商务局牵头推行落地加工。\n| 推荐意见 丨 同意推荐。 绥阳市发展和改革局（代章）"
    assert _names(text, "绥阳市") == ["绥阳市商务局"]


def test_customs_before_a_listed_border_station_is_no_parent() -> None:
    text = "同江海关与同江出入境边防检查站、同江市农业农村局建立果菜出口绿色通道。"
    assert _names(text, "同江海关") == ["同江海关", "同江出入境边防检查站", "同江市农业农村局"]
