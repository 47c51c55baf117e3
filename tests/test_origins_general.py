"""Origin phrasings found missing on real sentences of a later held-out part (issue #15, helper z15j): each rule is
general (a State Council decision to promote, zones listed after a short time phrase, a zone spreading its own
experience), checked here on sentences written for the test."""

from __future__ import annotations

from _dev_scoring import case_batches, sentence_case


def _zones(text: str) -> set[str]:
    return {o.zone for o in sentence_case(text).origins if o.kind == "zone" and o.zone}


def test_a_state_council_decision_to_promote_a_zones_experience_is_an_unnumbered_batch() -> None:
    case = sentence_case("2015年，国务院决定推广广东自贸区试点经验，在全国范围内复制。")
    assert case_batches(case) == {("改革试点经验", None)}
    assert _zones("2015年，国务院决定推广广东自贸区试点经验，在全国范围内复制。") == {"guangdong"}


def test_zones_listed_after_a_short_time_phrase_all_open_the_sentence() -> None:
    text = "去年，天津自贸试验区和重庆自贸试验区跨境结算“便利通”双双入选全国自贸试验区“最佳实践案例”。"
    assert case_batches(sentence_case(text)) == {("最佳实践案例", None)}
    assert _zones(text) == {"tianjin", "chongqing"}


def test_a_zone_spreading_its_own_experience_is_the_origin_and_no_batch() -> None:
    text = "广西自贸试验区向北部湾地区自行复制推广改革试点经验三批次共60项。"
    assert _zones(text) == {"guangxi"}
    assert case_batches(sentence_case(text)) == set()


def test_a_zone_after_zai_that_opens_a_totals_statement_is_its_origin() -> None:
    """z17d (part 22): 在Z，…N项在全国复制推广: the zone is the topic of the whole sentence, as a subject would be."""
    text = "在南沙片区,改革是常态:累计形成制度创新成果300项,其中40项在全国复制推广,90项在全省复制推广。"
    assert _zones(text) == {"guangdong"}
    assert case_batches(sentence_case(text)) == set()
    assert _zones("在上海考察期间,代表团学习了多项做法。") == set()  # no diffusion: 在 alone names no origin


def test_one_sentence_placing_items_in_both_national_series_gives_both_batches() -> None:
    """z17d (part 22): …入选国家新一批改革试点经验，…2个案例被商务部列为新一批15个全国最佳实践案例: one unnumbered batch
    of each series; the count after 新一批 is the batch's size, not a total of copied results."""
    text = (
        "“跨境电商退货新模式”入选国家新一批自由贸易试验区改革试点经验,“港口集团混改”等2个案例"
        "被商务部列为新一批15个全国最佳实践案例。"
    )
    assert case_batches(sentence_case(text)) == {("改革试点经验", None), ("最佳实践案例", None)}
    assert case_batches(sentence_case("本市已复制推广了96项改革试点经验。")) == set()  # a total stays no batch


def test_an_area_written_by_its_stem_after_you_with_a_verb_of_creation_is_an_origin() -> None:
    """z17d (part 22): …17项由前海率先落地并向全国复制推广: as 由Z率先… with the full name; a city's stem (郑州) means
    the city, and without a national spread 由X only says who acts."""
    assert _zones("该模式由南沙率先探索形成,已在全国复制推广。") == {"guangdong"}
    assert _zones("该项改革由郑州率先探索并在全国推广。") == set()
    assert _zones("该项目由横琴负责实施。") == set()


def test_one_province_whose_list_deng_closes_opens_a_national_statement() -> None:
    """z17d: 广东等自贸试验区的经验在全国复制推广: the named province stands for the list 等 closes."""
    assert _zones("广东等自贸试验区的经验在全国复制推广。") == {"guangdong"}
    assert _zones("湖南等省份积极复制推广自贸试验区经验。") == set()


def test_become_is_no_copula_that_attributes_a_practice_to_a_zone() -> None:
    """z17d (part 23): X公司正式开业，成为Z“证照分离”政策…的首个案例: 成为 (become) places the company in Z's policy,
    while 该做法为Z的创新成果 (为, be) still names Z as the origin."""
    assert _zones("某公司于今年3月正式开业,成为天津自贸区“证照分离”政策先行先试的首个案例。") == set()
    assert _zones("该做法为天津自贸试验区的创新成果,已在全国复制推广。") == {"tianjin"}


def test_a_batch_a_zone_only_hopes_to_join_is_no_origin() -> None:
    text = "某片区复制推广了多项做法，同时积极争取纳入国家第九批改革试点经验。"
    assert case_batches(sentence_case(text)) == set()
    # A word of hope inside a quoted reform name does not count: “…申报…” 源自第三批 is a membership.
    quoted = "“分批出区、集中争取”源自国务院发布的自由贸易试验区第三批改革试点经验。"
    assert case_batches(sentence_case(quoted)) == {("改革试点经验", 3)}


def test_a_batch_applied_for_is_no_origin_but_what_a_zone_submitted_joined_it() -> None:
    """z28c: 申报 right before a batch applies for it; Z申报的案例入选第N批 is a membership."""
    assert case_batches(sentence_case("会议同意某区按程序申报第八批改革试点经验。")) == set()
    joined = "天津港片区申报的“船舶登记”案例入选商务部第四批最佳实践案例。"
    assert case_batches(sentence_case(joined)) == {("最佳实践案例", 4)}


def test_a_count_adopted_by_the_state_council_is_a_totals_statement_with_no_batch() -> None:
    text = "截至目前，某省自贸试验区形成的制度创新成果中，有27项被国务院复制推广至全国。"
    assert case_batches(sentence_case(text)) == set()
    single = "某片区首创的“一码通关”被国务院复制推广至全国。"
    assert case_batches(sentence_case(single)) == {("改革试点经验", None)}


def test_a_zone_named_as_yardstick_then_a_launched_practice_or_its_rules_is_the_origin() -> None:
    """对标Z，推行“X” and 对标Z…规则 take a practice after Z; 对标Z，Y片区提出…目标 stays a yardstick (issue #15,
    helper z22d)."""
    assert _zones("甲片区对标福建自贸试验区厦门片区，推行进口水果“先放后检”。") == {"fujian"}
    assert _zones("某市对标海南自贸试验区跨境服务贸易规则，探索专业人才执业备案。") == {"hainan"}
    assert _zones("某区对标上海自贸试验区临港新片区，推行跨境金融服务创新。") == {"shanghai"}
    assert _zones("对标前海蛇口片区，南沙片区提出了打造一流营商环境的目标。") == set()


def test_a_zone_after_yinru_is_the_origin() -> None:
    assert _zones("某区引入浙江自贸试验区舟山片区保税燃料油加注监管经验中的部分做法，优化监管流程。") == {"zhejiang"}


def test_a_zone_carrying_out_a_practice_the_sentence_derives_from_a_batch_is_its_adopter() -> None:
    text = "宁波片区推行的“保税维修”做法，源自商务部第三批自贸试验区最佳实践案例。"
    assert case_batches(sentence_case(text)) == {("最佳实践案例", 3)}
    assert _zones(text) == set()


def test_a_series_word_belongs_to_the_last_batch_number_before_it() -> None:
    text = "该做法先后入选某省第三批制度创新成果和商务部第五批最佳实践案例。"
    assert case_batches(sentence_case(text)) == {("最佳实践案例", 5)}
    assert case_batches(sentence_case("全市复制推广国务院第1批至第7批改革试点经验共计200项。")) == set()


def test_a_batch_a_city_has_carried_out_after_jiang_is_followed_not_only_announced() -> None:
    text = "某市已将商务部公布的第4批“最佳实践案例”中适用于本地的事项全部复制落地。"
    assert case_batches(sentence_case(text)) == {("最佳实践案例", 4)}
    assert case_batches(sentence_case("近日，商务部印发第四批“最佳实践案例”，供各地借鉴。")) == set()


def test_an_unnumbered_batch_a_plan_hopes_to_copy_is_no_origin() -> None:
    text = "下一步，我市将主动对接浙江自贸试验区宁波片区，争取引进更多改革试点经验。"
    assert case_batches(sentence_case(text)) == set()
    assert _zones(text) == set()


def test_a_zone_after_duizhao_is_the_origin_of_a_practice_named_with_it_and_no_gap_measured_against_it() -> None:
    assert _zones("对照福建自贸试验区厦门片区工业用地弹性出让的做法，某区按产业确定出让年限。") == {"fujian"}
    assert _zones("对照福建自贸试验区厦门片区的做法，我市尚有较大差距。") == set()


def test_coordinated_batch_numbers_share_the_series_word_after_the_last() -> None:
    assert case_batches(sentence_case("该市复制推广了国务院第六批、第七批改革试点经验中的部分事项。")) == {
        ("改革试点经验", 6),
        ("改革试点经验", 7),
    }
    assert case_batches(sentence_case("复制推广第三批和第四批“最佳实践案例”。")) == {
        ("最佳实践案例", 3),
        ("最佳实践案例", 4),
    }


def test_a_zone_a_city_only_studies_whether_to_copy_is_no_origin() -> None:
    assert _zones("某市正在研究是否引入湖南自贸试验区郴州片区“加工贸易梯度转移”模式，目前尚未形成方案。") == set()


def test_a_prototype_or_blueprint_named_by_a_copula_is_the_origin() -> None:
    assert _zones("这项改革的原型是福建自贸试验区厦门片区的“商事登记确认制”。") == {"fujian"}
    assert _zones("该机制的蓝本是上海自贸试验区的“单一窗口”。") == {"shanghai"}


def test_a_zone_after_a_verb_of_taking_in_or_growing_out_of_is_the_origin() -> None:
    assert _zones("某市吸收河南自贸试验区郑州片区“一码集成服务”经验，推动证照电子化。") == {"henan"}
    assert _zones("这一做法脱胎于湖北自贸试验区襄阳片区的“多规合一”审批改革。") == {"hubei"}
    assert _zones("某市取经于陕西自贸试验区，推出中欧班列集结模式。") == {"shaanxi"}
    assert _zones("某区的流程是从江苏自贸试验区南京片区学来的，审批时限大幅压缩。") == {"jiangsu"}
    assert _zones("某区吸收上海自贸试验区企业投资12亿元。") == set()  # investment taken in, no practice


def test_a_zone_whose_practice_is_moved_to_the_subject_s_place_is_the_origin() -> None:
    assert _zones("某市把重庆自贸试验区两江片区的“运单融资”模式引进到某港，首单融资500万元。") == {"chongqing"}
    assert _zones("某市将福建自贸试验区厦门片区的“数字提单”经验嫁接到本地港口。") == {"fujian"}
    assert _zones("某市将浙江自贸试验区舟山片区作为合作伙伴，推到新的高度。") == set()  # no practice, nothing moved


def test_an_area_s_own_reform_a_later_sentence_places_in_a_national_batch_has_that_area_as_origin() -> None:
    from pathlib import Path

    from ftzgraph.graph.extract.pipeline import extract_document
    from ftzgraph.graph.model import Document

    made = "川南临港片区依托港口指定监管场地，于2021年自主探索进口粮食“港区直提”监管模式。片区管委会统筹港口作业。"
    done = "川南临港片区依托港口指定监管场地，推行进口粮食“港区直提”监管模式。片区管委会统筹港口作业。"
    listed = "2023年，该做法入选商务部第5批自贸试验区最佳实践案例，企业通关时间由2天压缩至半天。"
    parts = ["泸州市制度创新案例选编\n\n现将2个制度创新案例印发给你们。\n"]
    for k, (title, body) in enumerate((("进口粮食“港区直提”", made + listed), ("进口粮食“港区快提”", done + listed))):
        parts.append(f"案例{'一二'[k]}：{title}（川南临港片区）\n　　{body}\n")
    text = "\n".join(parts)
    cases = extract_document(Document(id="o", path=Path("o.txt"), text=text, sha256="o")).cases
    zones = [{(o.zone, o.area) for o in case.origins if o.kind == "zone"} for case in cases]
    assert zones == [{("sichuan", "川南临港片区")}, set()]  # only the reform the area made itself


def test_a_cited_title_alone_in_a_reading_list_names_no_batch() -> None:
    text = (
        "某市复制推广国务院第二批自由贸易试验区改革试点经验，开展跨境人民币结算“首办户”拓展行动。\n"
        "附：参考阅读\n1．《国务院关于做好自由贸易试验区第七批改革试点经验复制推广工作的通知》\n"
    )
    assert case_batches(sentence_case(text)) == {("改革试点经验", 2)}
    followed = "根据《国务院关于做好自由贸易试验区第七批改革试点经验复制推广工作的通知》，某市落实相关事项。"
    assert case_batches(sentence_case(followed)) == {("改革试点经验", 7)}


def test_firms_or_money_from_a_zone_are_no_practice_from_it() -> None:
    assert _zones("某区吸收外地企业投资12亿元，其中来自重庆自贸试验区两江片区的企业有4家。") == set()
    assert _zones("某区复制推广的做法来自重庆自贸试验区两江片区的企业开办经验。") == {"chongqing"}
    assert _zones("孝感市吸取湖北自贸试验区宜昌片区“园区封闭化管理”的做法，试行智慧监管。") == {"hubei"}


def test_a_zone_after_a_colloquial_verb_of_copying_is_the_origin() -> None:
    """z24a: 套用, 取法, 复刻, 照搬, 照着Z的样子, and 是从Z“学”来的 with the verb in quotes."""
    assert _zones("岳阳市套用湖南自贸试验区长沙片区“工程建设项目联合验收”模式，推进审批提速。") == {"hunan"}
    assert _zones("荆州市取法湖北自贸试验区襄阳片区的汽车平行进口监管方式。") == {"hubei"}
    assert _zones("晋江市复刻了福建自贸试验区厦门片区的“船舶供油一站式”做法。") == {"fujian"}
    assert _zones("柳州市照着广西自贸试验区南宁片区的样子，推行跨境电商零售进口退货中心仓。") == {"guangxi"}
    assert _zones("该市的“电子证照一码通”，是从四川自贸试验区成都天府新区片区“学”来的。") == {"sichuan"}


def test_a_zone_whose_practice_is_brought_in_after_jiang_is_the_origin() -> None:
    assert _zones("绵阳市将四川自贸试验区青白江铁路港片区的“铁路运单融资”做法引入本市。") == {"sichuan"}
    assert _zones("绵阳市将四川自贸试验区青白江铁路港片区的企业引入本市。") == set()  # no practice named


def test_an_area_that_submitted_a_case_inside_a_national_batch_is_the_origin() -> None:
    text = "防城港市复制推广商务部第三批最佳实践案例中由南宁片区报送的“跨境金融服务”经验。"
    assert case_batches(sentence_case(text)) == {("最佳实践案例", 3)}
    assert _zones(text) == {"guangxi"}


def test_a_denied_origin_names_no_zone_and_no_batch() -> None:
    assert _zones("该做法与湖北自贸试验区武汉片区开展合作，并非来源于武汉片区。") == set()
    assert _zones("宜昌市的做法不是从湖北自贸试验区武汉片区学来的。") == set()
    denied = "该做法参照的是湖南省第二批制度创新成果，不属于国家层面推广的改革试点经验。"
    assert case_batches(sentence_case(denied)) == set()


def test_a_province_s_numbered_list_gives_no_unnumbered_national_batch() -> None:
    text = "按照湖南省第三批复制推广自贸试验区改革试点经验清单，郴州市推行“跨境结算一网通”。"
    assert case_batches(sentence_case(text)) == set()


def test_a_batch_in_a_quoted_option_called_wrong_is_refuted() -> None:
    text = "选项A“源于国务院第五批改革试点经验”错误，该做法源于国务院第六批改革试点经验。"
    assert case_batches(sentence_case(text)) == {("改革试点经验", 6)}


def test_a_zone_after_a_learning_verb_and_de_shi_or_a_practice_carried_over_is_the_origin() -> None:
    """z24a, after its held-out part 40: 复刻的是Z, 仿着Z的路子, 借用Z的“X”模式 (not Z's venue), 把Z的做法搬了过来."""
    assert _zones("常州市借鉴的是江苏自贸试验区苏州片区的“知识产权质押”做法。") == {"jiangsu"}
    assert _zones("丽水市仿着浙江自贸试验区宁波片区的路子，推行“进口冷链一码通”。") == {"zhejiang"}
    assert _zones("咸宁市借用湖北自贸试验区武汉片区的“科创积分贷”模式。") == {"hubei"}
    assert _zones("咸宁市借用湖北自贸试验区武汉片区的场地举办招商会。") == set()
    assert _zones("三明市把福建自贸试验区厦门片区的“一站式退税”做法搬了过来。") == {"fujian"}


def _areas(text: str) -> set[str | None]:
    return {o.area for o in sentence_case(text).origins if o.kind == "zone"}


def test_a_zone_whose_practice_is_the_object_of_any_verb_is_the_origin() -> None:
    """z25b: the copying relation by its structure (Z的…做法 as the verb's object), not by the verb's word."""
    text = "两地这次拷贝了安徽自贸试验区合肥片区和芜湖片区的供应链金融做法。"
    assert _areas(text) == {"合肥片区", "芜湖片区"}
    assert _zones("该市与安徽自贸试验区合肥片区的企业签署合作协议。") == set()  # cooperation, no practice taken
    assert _zones("对照北京自贸试验区的做法，我市尚有较大差距。") == set()  # a yardstick
    assert _zones("有关部门表示，要把上海自贸试验区的成熟经验在全国范围内推广。") == set()  # an exhortation


def test_a_zone_something_was_fetched_from_is_the_origin() -> None:
    assert _zones("这一招是从湖北自贸试验区宜昌片区“偷师”来的。") == {"hubei"}
    assert _zones("我们是去河南自贸试验区洛阳片区取的经。") == {"henan"}
    assert _zones("这个办法是跟重庆自贸试验区两江片区学的。") == {"chongqing"}
    assert _zones("晋城市把天津自贸试验区天津港片区的联合登临检查做法用在了内陆港。") == {"tianjin"}
    assert _zones("从湖北自贸试验区宜昌片区来的企业有4家。") == set()  # a party, no practice


def test_a_bound_one_character_verb_takes_the_zone_after_it() -> None:
    assert _zones("用他的话说，这次学的是浙江自贸试验区的招数。") == {"zhejiang"}
    assert _zones("会议听取了广西自贸试验区南宁片区管委会的汇报。") == set()  # 听取了 is no 取了


def test_a_denied_or_hypothetical_copy_names_no_origin() -> None:
    assert _zones("本溪市尚未借鉴辽宁自贸试验区沈阳片区的“一网通办”做法。") == set()
    assert _zones("江山市没有照搬浙江自贸试验区杭州片区的做法，而是自主设计流程。") == set()
    assert _zones("有关负责人否认该做法源于上海自贸试验区。") == set()
    assert _zones("如果能把浙江自贸试验区舟山片区的加注模式复制过来，竞争力将大大提升。") == set()
    assert _zones("该市持续不断借鉴浙江自贸试验区舟山片区的加注模式。") == {"zhejiang"}  # 不断 denies nothing


def test_the_place_that_corrects_a_denied_one_is_the_origin() -> None:
    text = "黔东南州学的不是重庆自贸试验区果园港片区，而是四川自贸试验区川南临港片区。"
    assert _areas(text) == {"川南临港片区"}


def test_places_listed_after_a_colon_of_copying_are_each_an_origin() -> None:
    text = "湘潭市同时借了两家的经验：一是湖南自贸试验区长沙片区的“审批提速”，二是郴州片区的“通关一体化”。"
    assert _areas(text) == {"长沙片区", "郴州片区"}
    plan = "湘潭市计划借鉴两家的经验：一是湖南自贸试验区长沙片区的“审批提速”，二是郴州片区的“通关一体化”。"
    assert _zones(plan) == set()


def test_batches_in_any_order_and_with_shared_ordinals() -> None:
    assert case_batches(sentence_case("该做法参考了国务院第五、六批改革试点经验。")) == {
        ("改革试点经验", 5),
        ("改革试点经验", 6),
    }
    assert case_batches(sentence_case("该市复制的做法，出自商务部推出的最佳实践案例第三批。")) == {("最佳实践案例", 3)}
    text = "该市推行的“标准地出让”，最佳实践案例第二批里就有，由浙江自贸试验区杭州片区报送。"
    assert case_batches(sentence_case(text)) == {("最佳实践案例", 2)}
    assert _areas(text) == {"杭州片区"}
    reported = "本案例由浙江自贸试验区金义片区报送，源于国务院第六批改革试点经验。"
    assert _zones(reported) == set()  # Z reported its copy


def test_the_issuer_of_a_provincial_batch_is_the_nearest_name() -> None:
    text = "永州市学习借鉴的是湖南省公布的第三批自贸试验区改革试点经验。"
    assert case_batches(sentence_case(text)) == set()


def test_a_zone_whose_practice_others_took_is_the_origin() -> None:
    text = "新疆自贸试验区霍尔果斯片区的“结算一站办”经验，已被昌吉州、博州相继学了去。"
    assert _areas(text) == {"霍尔果斯片区"}


def test_a_bound_verb_before_de_shi_is_read_before_the_copula() -> None:
    assert _zones("这套“单证电子化”，学的是辽宁自贸试验区大连片区，用的是本地的系统。") == {"liaoning"}
    assert _zones("该市的“电子结算”，照抄的是广西自贸试验区崇左片区。") == {"guangxi"}


def test_a_quoted_name_s_words_relate_nothing() -> None:
    text = "衢州市的“四港联动”模式沿袭了浙江自贸试验区宁波片区的做法。"  # 联动 inside the name is no cooperation
    assert _areas(text) == {"宁波片区"}
    assert _zones("该市与浙江自贸试验区宁波片区联动推进港口建设的做法。") == set()


def test_a_noun_naming_the_source_before_a_copula_names_the_origin() -> None:
    assert _zones("宿迁市这项改革的“老师”，是江苏自贸试验区连云港片区。") == {"jiangsu"}
    assert _zones("黄石市复制的“保税展示”，就是湖北自贸试验区武汉片区那一套。") == {"hubei"}


def test_an_adverb_holding_a_hypothetical_s_characters_plans_nothing() -> None:
    assert _zones("主要是参照了四川自贸试验区成都天府新区片区的做法。") == {"sichuan"}  # 主要是 is no 要是


def test_membership_in_any_words_and_a_batch_compared_with() -> None:
    text = "湖南自贸试验区岳阳片区“江海联运一单制”成功跻身全国自贸试验区最佳实践案例。"
    assert case_batches(sentence_case(text)) == {("最佳实践案例", None)}
    assert _areas(text) == {"岳阳片区"}
    compared = "承德市的做法同国务院第六批改革试点经验中的“边境旅游便利化”相比，覆盖面更广。"
    assert case_batches(sentence_case(compared)) == set()
    moved = "宝鸡市把陕西自贸试验区西安国际港务区片区的“中欧班列集拼”整套搬进了宝鸡综保区。"
    assert _areas(moved) == {"西安国际港务区片区"}


def test_a_word_holding_a_plan_word_plans_nothing() -> None:
    text = "该项改革主要借鉴了黑龙江自贸试验区绥芬河片区、黑河片区的互市贸易经验。"  # 主要借鉴 is no 要借鉴
    assert _areas(text) == {"绥芬河片区", "黑河片区"}
    assert _zones("该市需要借鉴黑龙江自贸试验区绥芬河片区的互市贸易经验。") == set()


def test_an_area_written_after_its_province_is_related_by_the_words_before_both() -> None:
    assert _areas("这个做法就是照着重庆两江片区的模子刻出来的。") == {"两江片区"}
    assert _areas("丹东市取经辽宁自贸试验区营口片区，推出边贸结算便利化。") == {"营口片区"}


def test_a_zone_whose_experience_went_out_to_the_country_is_a_total() -> None:
    text = "新疆自贸试验区乌鲁木齐片区挂牌两年来，已有6项经验走向全国。"
    assert _areas(text) == {"乌鲁木齐片区"}
    assert case_batches(sentence_case(text)) == set()


def test_a_zone_said_not_to_have_spread_or_denied_in_a_batch_sentence_is_no_origin() -> None:
    text = "北京自贸试验区高端产业片区的“研发用物品通关”尚在试点阶段，还未向全国推广。"
    assert _zones(text) == set()
    denied = "沈阳市推行的“企业注销一网通”，复制的是国务院第三批改革试点经验，并不是沈阳片区的原创。"
    assert case_batches(sentence_case(denied)) == {("改革试点经验", 3)}
    assert _zones(denied) == set()
    assert _areas("山东自贸试验区青岛片区首推的“海运快件一单制”，去年底被推向全国。") == {"青岛片区"}


def test_a_source_noun_before_zai_and_a_cleft_verb_name_the_origin() -> None:
    assert _areas("答：借鉴，原型在浙江自贸试验区杭州片区。") == {"杭州片区"}
    assert _areas("株洲市的“出口监管”据说是学长沙片区的。") == {"长沙片区"}
    assert _zones("株洲市的“出口监管”是大学长沙片区的课题。") == set()  # 大学 is no 学


def test_a_teacher_a_basis_or_the_object_of_copying_names_the_origin() -> None:
    assert _areas("益阳市以湖南自贸试验区岳阳片区为师，推出港口一站式服务。") == {"岳阳片区"}
    assert _areas("九江港拜重庆自贸试验区果园港片区为师，学来了整套打法。") == {"果园港片区"}
    assert _areas("内江市的改革在四川自贸试验区成都天府新区片区的基础上作了延伸。") == {"成都天府新区片区"}
    assert _areas("荆门市这次“抄作业”的对象，是湖北自贸试验区襄阳片区。") == {"襄阳片区"}
    assert _zones("荆门市这次合作的对象，是湖北自贸试验区襄阳片区。") == set()  # a partner
    assert _zones("铁岭市尚无借鉴辽宁自贸试验区沈阳片区做法的计划。") == set()


def test_a_bracketed_batch_after_a_verb_of_comparing_is_a_batch() -> None:
    text = "茂名市对照的是商务部最佳实践案例（第2批）中的“跨境电商监管创新”。"
    assert case_batches(sentence_case(text)) == {("最佳实践案例", 2)}


def test_a_study_visit_that_brought_a_practice_back_and_a_copy_not_possible() -> None:
    assert _areas("鹤岗市的边贸结算办法，是在黑龙江自贸试验区黑河片区考察后带回来的。") == {"黑河片区"}
    assert _zones("武汉片区的做法很好，但孝感市暂时不具备复制条件。") == set()


def test_a_level_s_own_words_before_a_batch_keep_it_provincial() -> None:
    text = "淄博市推行的“化工园区封闭化管理”属于山东省级层面的第三批改革试点经验。"
    assert case_batches(sentence_case(text)) == set()
    national = "该做法属于国家层面的第三批改革试点经验。"
    assert case_batches(sentence_case(national)) == {("改革试点经验", 3)}


def test_a_taiwan_papers_zuofa_is_a_practice_word() -> None:
    """借鏡X片區的作法: Taiwan's papers write 作法 for 做法; the area is the origin (issue #15)."""
    case = sentence_case("萍鄉海關借鏡廣東自貿區南沙片區的作法，在園區設立集中查驗場所，通關時間縮短2天。")
    assert [origin.area for origin in case.origins] == ["广州南沙新区片区"]
