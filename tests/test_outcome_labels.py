"""Outcome labels as a reader gives them (issue #15, held-out outcome sentences of part 16): the noun after the
measure word when the words before the figure are a verb that takes it as object, an adverb, or a list closed by
等; measure words of the genre (单, 列, 标箱, 场); and a figure that a page break cut from its noun."""

from __future__ import annotations

from _gold_cases import make_case

from ftzgraph.graph.extract.outcomes import extract_outcomes
from ftzgraph.graph.text import joined_text


def _labels(text: str) -> dict[float | None, str]:
    return {o.value: o.what for o in extract_outcomes(make_case(text))}


def test_a_verb_that_takes_the_figure_as_object_leaves_the_label_to_the_noun_after() -> None:
    assert _labels("首批确定32个非处方药品种。")[32] == "非处方药品种"
    assert _labels("全市共梳理出56个市直部门和418个县（区）部门的权责事项。") == {56: "市直部门", 418: "县（区）部门"}
    assert _labels("累计部署3400多项改革试点任务。")[3400] == "改革试点任务"
    assert _labels("先后出台了28份建设方案。")[28] == "建设方案"
    assert _labels("当年就完成2022吨氢氧化锂的生产。")[2022] == "氢氧化锂"


def test_a_list_closed_by_deng_counts_the_noun_after_the_figure() -> None:
    assert _labels("推出跨区域涉税事项报告、外出经营预缴税款等76项事项。")[76] == "事项"
    assert _labels("提供越南语、泰语等7种语言服务。")[7] == "语言服务"


def test_the_noun_after_a_figure_ends_at_a_verb() -> None:
    labels = _labels("为327家企业发放贷款1.9亿元，其中16家企业成功获得首贷。")
    assert labels[327] == "企业" and labels[16] == "企业"
    assert _labels("向银行提出1年期以内的融资需求。")[1] != "期以内"


def test_measure_words_of_the_genre_are_units() -> None:
    found = {
        (o.value, o.unit)
        for o in extract_outcomes(
            make_case("累计签发铁路提单186单，开行班列9218列，运输集装箱11.3万标箱，举办对接活动9场。")
        )
    }
    assert {(186, "单"), (9218, "列"), (11.3, "万标箱"), (9, "场")} <= found


def test_a_figure_cut_from_its_noun_by_a_page_break_is_joined_and_a_date_line_is_not() -> None:
    text = (
        "南宁国际铁路港累计签发铁路提单\n\n186单，涉及货值4.6亿元。\n"
        "广西壮族自治区自由贸易试验区工作办公室\n2024年5月20日\n"
    )
    joined, _ = joined_text(text)
    assert "累计签发铁路提单186单" in joined
    assert "工作办公室\n2024年5月20日" in joined
    assert "1．主要做法" in joined_text("做法如下\n1．主要做法\n")[0].split("\n")[1]
    assert _labels(text)[186] == "签发铁路提单"


def test_a_change_verb_alone_names_no_measure() -> None:
    (pair,) = extract_outcomes(make_case("落地加工商品货值占比由2021年的不足5%提升至31.6%。"))
    assert (pair.what, pair.before, pair.after, pair.qualifier) == ("落地加工商品货值占比", 5, 31.6, "不足")
    assert _labels("外网申请内网审核通过的业务，压缩至2个工作日内办结。")[2] == "外网申请内网审核通过的业务"


def test_a_scope_names_no_measure_and_an_adverb_ends_the_noun() -> None:
    assert _labels("为全市5.2万户纳税人提供更便捷的服务。")[5.2] == "纳税人"
    assert _labels("全市1126个在建工程项目全部纳入监管。")[1126] == "在建工程项目"


def test_a_verb_right_after_the_unit_is_no_part_of_the_label() -> None:
    assert _labels("梳理形成高频事项清单58项，其中42项实现全程网办。")[42] == "全程网办"


def test_a_noun_ending_like_an_adverb_or_a_complement_keeps_its_label() -> None:
    """Review of the rules above: 人才 and 成都 end in 才 and 都, 支出 and 产出 in 出, yet they are nouns; a
    word that is a verb or a noun (组织, 培训) is a verb only when it is the whole measure phrase."""
    assert "人才" in _labels("累计引进各类人才300余名落户片区。")[300]
    assert "研发支出" in _labels("企业研发支出3.5亿元用于新产品开发。")[3.5]
    assert "社会组织" in _labels("培育社会组织120家开展评估。")[120]
    assert "业务培训" in _labels("开展业务培训12场次覆盖企业。")[12]
    assert _labels("累计组织300家企业参加培训。")[300].startswith("企业")
    assert _labels("筛选出12家企业开展试点。")[12] == "企业"
    assert _labels("当年就完成2022吨氢氧化锂的生产。")[2022] == "氢氧化锂"


def test_a_relative_clause_before_de_leaves_the_label_to_the_noun_after_it() -> None:
    assert "制度创新成果" in _labels("推出12项全国首创的制度创新成果。")[12]
    assert "改革试点经验" in _labels("共有28项国务院印发的改革试点经验落地。")[28]
    assert _labels("涉及5个领域的包容免罚事项清单。")[5] == "领域"


def test_a_count_in_events_written_with_its_second_character_keeps_it() -> None:
    (found,) = extract_outcomes(make_case("开展业务培训12场次。"))
    assert (found.value, found.unit) == (12, "场次")


def test_a_comparison_before_the_change_verb_is_no_part_of_the_label() -> None:
    assert _labels("贷款利率较改革前下降0.8个百分点。")[0.8] == "贷款利率下降"
    assert _labels("企业成本比上年同期降低12%。")[12] == "企业成本降低"


def test_a_batch_ordinal_before_a_figure_leaves_the_label_to_the_noun_after() -> None:
    """z17d (part 22): 第一批81条制度创新清单已落实: the batch counts the noun after the unit, which ends where an
    adverb opens the predicate (已) or an ellipsis stops the phrase."""
    labels = _labels("片区第二批64条改革举措清单已落实50条,新一批20个创新案例正在评估。")
    assert labels[64] == "改革举措清单" and labels[20] == "创新案例"
    assert _labels("其中12项在全省复制推广……成效明显。")[12] == "在全省复制推广"


def test_the_noun_after_a_unit_ends_before_a_source() -> None:
    """z17d (part 22): 328项制度创新成果从上海推广至全国: where the results went from is no part of what is counted;
    a word that only begins with 从 (从业人员) keeps it."""
    assert _labels("更有150项改革经验从广东推广至全国。")[150] == "改革经验"
    assert _labels("新增就业岗位共计300名从业人员。")[300] == "从业人员"


def test_an_aspect_le_after_a_lone_change_verb_goes() -> None:
    """z17d (part 22): 较2019年同期增长了15.14%: the label is the change verb, without its aspect 了; a baseline
    alone in its clause before the verb (较上年同期) goes too (z22f), as 同比 alone does."""
    assert _labels("加注量达300万吨,较2023年同期增长了12.5%。")[12.5] == "增长"
    assert _labels("加注量达300万吨,较上年同期增长了12.5%。")[12.5] == "增长"
    assert _labels("加注成本较上年同期下降了8%。")[8] == "加注成本下降"


def test_a_verb_of_approval_leaves_the_label_to_the_noun_after() -> None:
    """z17d (part 22): 两年内核准7家企业进入燃供市场: the enterprises are counted, 进入 opens the predicate."""
    assert _labels("两年内核准9家企业进入供油市场。")[9] == "企业"


def test_a_label_does_not_open_with_the_aspect_of_the_verb_before_it() -> None:
    """z17d (part 21's ob01): 实现了占当地40.16%的进出口额: 了 belongs to 实现; a word that begins with 了 (了解)
    stays."""
    assert _labels("以全省百分之一的面积实现了占全省30.5%的外贸额。")[30.5] == "占全省"
    assert _labels("了解企业300家。")[300] == "了解企业"


def test_a_section_heading_run_into_its_first_sentence_is_no_part_of_the_label() -> None:
    assert _labels("▲成效\u3000企业开办时间压缩至1个工作日。")[1] == "企业开办时间"
    assert _labels("**取得成效**企业出口物流成本降低20%。")[20] == "企业出口物流成本降低"
    assert _labels("✅看成效技术合同登记时间缩短至3天。")[3] == "技术合同登记时间"
    assert _labels("2.1.3　取得成效游艇入境办理时间压缩至2小时。")[2] == "游艇入境办理时间"


def test_heading_words_inside_a_sentence_stay_in_the_label() -> None:
    """Only right after a mark or at the head of a line is 成效 a heading; mid-sentence it may name the measure."""
    assert _labels("今年以来，成效评估覆盖企业120家。")[120] == "成效评估覆盖企业"


def test_a_quote_left_open_by_the_clause_cut_opens_no_label() -> None:
    assert _labels('推行"一站式"改革后，"车辆入境通关时间缩短至30分钟。')[30] == "车辆入境通关时间"


def test_a_mark_inside_the_measure_cuts_nothing() -> None:
    """A symbol or bold inside the words (5℃, 300㎡, **开办**) is part of the measure; only a heading's mark cuts."""
    assert _labels("冷链货物5℃以下通关时间压缩至2小时。")[2] == "冷链货物5℃以下通关时间"
    assert _labels("企业**开办**时间压缩至1个工作日。")[1] == "企业**开办**时间"


def test_the_counted_noun_ends_where_its_predicate_opens() -> None:
    """The noun after a figure ends at a preposition opening its predicate (企业按…, 船舶在厦登记, 项目以承诺方式…),
    at an adverb (首次) or a verb (实施, 建立); a word the preposition only begins (外向型, 在建) stays (issue #15)."""
    cases = {
        "已有14家企业按注册人制度委托生产。": "企业",
        "已有120艘船舶在厦登记。": "船舶",
        "今年以来已有37个项目以承诺方式开工建设。": "项目",
        "累计对326户长期停业企业实施除名。": "长期停业企业",
        "已帮助320家中小外贸企业首次办理汇率避险业务。": "中小外贸企业",
        "累计服务56家外向型企业开展业务。": "外向型企业",
        "全市1126个在建工程项目全部纳入监管。": "在建工程项目",
    }
    for text, what in cases.items():
        assert [o.what for o in extract_outcomes(make_case(text))] == [what], text


def test_a_sum_after_a_count_measures_what_follows_the_counted_noun() -> None:
    """已向2300余家企业兑现奖补资金1.6亿元: the sum measures 兑现奖补资金, not 企业 that the count before it counts; a
    verb of giving before a share takes the noun after 的 (给予80%的保费补贴); 台（套） is one unit."""
    assert [o.what for o in extract_outcomes(make_case("已向2300余家企业兑现奖补资金1.6亿元。"))] == [
        "企业",
        "兑现奖补资金",
    ]
    text = "累计为42台（套）首台套装备提供风险保障5.3亿元，对企业投保费用给予80%的保费补贴。"
    outcomes = extract_outcomes(make_case(text))
    assert [(o.what, o.value, o.unit) for o in outcomes] == [
        ("首台套装备", 42, "台套"),
        ("风险保障", 5.3, "亿元"),
        ("保费补贴", 80, "%"),
    ]
    (share,) = extract_outcomes(make_case("【改革成效】2023年全市海外仓货值达26.8亿元。"))
    assert share.what == "全市海外仓货值"


def test_year_on_year_stays_with_the_subject_of_its_change() -> None:
    """海铁联运量同比增长22%: 同比 is part of what the figure measures, not a lead-in that leaves the bare verb; in a
    clause of its own (，同比增长18%) the label is the change, as before."""
    assert [o.what for o in extract_outcomes(make_case("海铁联运量同比增长22%。"))] == ["海铁联运量同比增长"]
    labels = [o.what for o in extract_outcomes(make_case("跨境电商进口单量约320万单，同比增长1.6倍。"))]
    assert labels == ["跨境电商进口单量", "增长"]
    assert [o.what for o in extract_outcomes(make_case("新设外资企业分别同比增长22%。"))] == ["新设外资企业同比增长"]


def test_a_verb_before_a_count_takes_the_noun_after_it_as_its_object() -> None:
    """已在45栋楼宇设立服务站, 已辅导127家企业完成…: the place or the verb before the figure names no measure; the
    noun after the unit does, and it ends at its verb even when the verb holds a stop character (参与), while a noun
    made of a verb (注册人) keeps it."""
    cases = {
        "已在45栋楼宇设立服务站。": "楼宇",
        "今年以来已辅导127家企业完成数据出境申报。": "企业",
        "目前已有32家跨国公司总部参与试点。": "跨国公司总部",
        "试点以来，已有9家注册人实现跨区域委托生产。": "注册人",
    }
    for text, what in cases.items():
        assert [o.what for o in extract_outcomes(make_case(text))] == [what], text


def test_a_causative_and_a_short_attribute_of_a_change_are_no_part_of_the_label() -> None:
    (caused,) = extract_outcomes(make_case("使简易案件的调解时间缩短至3天。"))
    assert caused.what == "简易案件的调解时间"
    (used,) = extract_outcomes(make_case("使用率提高至85%。"))
    assert used.what == "使用率"
    (pair,) = extract_outcomes(make_case("办理时限由法定的20个工作日压缩至承诺的3个工作日。"))
    assert (pair.what, pair.before, pair.after) == ("办理时限", 20, 3)
    (bare,) = extract_outcomes(make_case("审批时限由法定20个工作日压缩至承诺5个工作日。"))
    assert (bare.what, bare.before, bare.after) == ("审批时限", 20, 5)


def test_a_unit_naming_what_it_counts_labels_a_list_closed_by_deng_and_a_lone_baseline_goes() -> None:
    labels = [o.what for o in extract_outcomes(make_case("涉及海关、税务、外汇等8个部门23项业务。"))]
    assert labels == ["部门", "业务"]
    labels = [o.what for o in extract_outcomes(make_case("全市共有市场主体12.6万户，较上年末增加1.3万户。"))]
    assert labels == ["市场主体", "增加"]


def test_a_clause_of_only_a_baseline_measures_the_subject_before_it() -> None:
    """z25h: ，比全省平均水平少1.5天 and ，是改革前的3.6倍 name no subject of their own: the figure measures the subject
    of the figure before it in the sentence. A change after a baseline (较上年同期增长了) keeps its own label, and a
    figure in the next sentence borrows nothing."""
    labels = _labels("攀枝花市企业开办用时压缩至0.5天，比全省平均水平少1.5天。")
    assert labels[1.5] == "攀枝花市企业开办用时比全省平均水平少"
    labels = _labels("丽水市贷款余额达到54亿元，是改革前的3.6倍。")
    assert labels[3.6] == labels[54] == "丽水市贷款余额"
    assert _labels("投保企业达到126家，较上年增加31家。")[31] == "增加"
    assert _labels("贷款余额达到54亿元。是改革前的3.6倍。")[3.6] != "贷款余额"


def test_a_then_and_now_pair_labels_both_figures_by_the_subject_of_then() -> None:
    """z25h (round 34's broadcast): 以前出口种子检疫得5天左右，现在缩短到1天: 以前/现在 are times, 得/需要 a verb of
    need, and the clause of now measures what the clause of then names; a clause of now counting something else (另一
    unit kind) keeps its own label, and 获得 is no verb of need."""
    labels = _labels("“以前出口种子检疫得5天左右，现在缩短到1天。")
    assert labels[5] == labels[1] == "出口种子检疫"
    assert _labels("过去企业办理进口许可需要20天，如今只需3天。") == {20: "企业办理进口许可", 3: "企业办理进口许可"}
    assert _labels("企业获得贷款3亿元，现在5家企业。") == {3: "企业获得贷款", 5: "企业"}


def test_a_mean_before_a_verb_of_advancing_is_the_figure_s_qualifier() -> None:
    """z25h: 提前 is a change verb of a label: 项目开工时间平均提前45天 is labelled 项目开工时间提前, 平均 its
    qualifier."""
    (outcome,) = extract_outcomes(make_case("项目开工时间平均提前45天。"))
    assert (outcome.what, outcome.qualifier) == ("项目开工时间提前", "平均")


def test_a_time_before_the_final_verb_or_alone_is_no_label() -> None:
    """z25h: 中欧班列长安号全年开行5200列: 全年 says when, the label is 中欧班列长安号开行;
    今年以来42家企业享受政策: the words before the figure are only a time, so the noun after the unit is the label."""
    assert _labels("中欧班列长安号全年开行5200列。")[5200] == "中欧班列长安号开行"
    assert _labels("今年以来42家企业享受政策。")[42] == "企业"
    assert _labels("今年上半年开行超过4100列。")[4100] == "开行"
