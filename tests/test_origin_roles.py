"""Origins by the role a zone plays in its sentence (issue #15, part 16 of the held-out sentences): a zone that a
copula only places is no origin, a count of nationally issued experience is a total, and a zone whose practice
enters a province's own list is that practice's origin though the list is no national batch."""

from __future__ import annotations

from _dev_scoring import case_batches, sentence_case


def _zones(text: str) -> set[tuple[str | None, str | None]]:
    return {(o.zone, o.area) for o in sentence_case(text).origins if o.zone}


def test_a_zone_after_a_copula_that_names_no_practice_is_no_origin() -> None:
    assert _zones("作为广东自贸试验区面积最大的片区，南沙片区在制度创新方面积极探索，取得了一定成果。") == set()
    assert _zones("该做法是福建自贸试验区最早形成的，已在全国复制推广。") == {("fujian", None)}


def test_a_count_of_experience_a_national_body_issued_is_a_total() -> None:
    case = sentence_case("两年来，陕西自贸试验区落地实施155项试点任务，复制推广138项国务院、商务部推出的改革试点经验。")
    assert case_batches(case) == set()
    assert not [o for o in case.origins if o.zone]
    assert case_batches(sentence_case("我市复制推广了国务院推出的改革试点经验“证照分离”。")) == {("改革试点经验", None)}


def test_a_zone_whose_practice_enters_a_provincial_list_is_its_origin() -> None:
    text = "山东自贸试验区烟台片区的“海关监管+港口作业”联动模式入选山东省第二批自贸试验区最佳实践案例。"
    case = sentence_case(text)
    assert _zones(text) == {("shandong", "烟台片区")}
    assert case_batches(case) == set()
    # A count of the area's cases in the province's list is a total: no origin.
    assert _zones("苏州片区去年共有3个案例入选江苏省自贸试验区第二批制度创新成果。") == set()
    # The area acting on others' entries in the list (a relative clause: 入选…的项目) is no origin either.
    assert _zones("宁波片区组织辖区企业申报，入选浙江省第三批制度创新案例的项目将获得资金支持。") == set()
    assert _zones("宁波片区创新推出的“一单制”模式，成功入选浙江省第二批制度创新案例。") == {("zhejiang", "宁波片区")}


def test_a_sentence_opened_by_the_issuing_of_a_batch_announces_it() -> None:
    announced = "国务院印发通知，将自贸试验区第七批共24项改革试点经验在全国范围内复制推广。"
    assert case_batches(sentence_case(announced)) == set()
    # A followed notice's title still names the batch the case copies from.
    followed = "根据国务院印发的《关于做好自贸试验区第六批改革试点经验复制推广工作的通知》，我市复制推广“证照分离”。"
    assert case_batches(sentence_case(followed)) == {("改革试点经验", 6)}


def test_a_zone_named_inside_a_national_batch_is_the_origin_of_its_practice_quoted_or_not() -> None:
    # The practice after the area is written without quotes, or with its quoted name inside a longer phrase.
    assert _zones("宜宾市复制推广第三批最佳实践案例中江苏自贸试验区苏州片区多式联运“一单制”经验。") == {
        ("jiangsu", "苏州片区")
    }
    assert _zones("我市复制推广第四批最佳实践案例中浙江自贸试验区宁波片区的跨境电商海外仓监管做法。") == {
        ("zhejiang", "宁波片区")
    }
    # A zone after the batch but in a clause of its own, with no practice of it, is no member of the batch.
    assert _zones("我市复制推广第四批最佳实践案例中，与浙江自贸试验区宁波片区开展合作交流。") == set()


def test_a_verb_before_a_list_of_provinces_governs_every_zone_of_the_list() -> None:
    # 由 before 重庆、四川自贸试验区: both explored the practice, though 由 stands right before the first only.
    case = sentence_case("该模式由重庆、四川自贸试验区共同探索，已纳入国务院第六批改革试点经验。")
    assert _zones("该模式由重庆、四川自贸试验区共同探索，已纳入国务院第六批改革试点经验。") == {
        ("chongqing", None),
        ("sichuan", None),
    }
    assert case_batches(case) == {("改革试点经验", 6)}
    # A comparison verb before such a list names yardsticks, unless the clause goes on to a practice of theirs.
    assert _zones("对标上海、天津自贸试验区，我市提出建设目标。") == set()
    practice = "对标上海、天津自贸试验区“一网通办”改革，我市推行线上办理。"
    assert _zones(practice) == {("shanghai", None), ("tianjin", None)}


def test_a_zone_named_by_its_provinces_abbreviation_is_that_zone() -> None:
    assert _zones("我省借鉴沪自贸区“先照后证”经验，推进商事制度改革。") == {("shanghai", None)}
    listed = _zones("借鉴沪、津、粤、闽四个自贸试验区的经验，我省制定了实施方案。")
    assert listed == {("shanghai", None), ("tianjin", None), ("guangdong", None), ("fujian", None)}
    assert _zones("我区复制推广天津自贸区融资租赁经验。") == {("tianjin", None)}  # 津 inside 天津 is no abbreviation
    three = {("beijing", None), ("tianjin", None), ("hebei", None)}
    assert _zones("借鉴京津冀自贸试验区协同发展的做法。") == three  # abbreviations written together list zones too
    assert _zones("该模式由川渝两地自贸试验区共同探索形成，已在全国推广。") == {("sichuan", None), ("chongqing", None)}
    assert _zones("南京自贸区的做法值得借鉴。") == set()  # 京 ends 南京, a city: no abbreviation
    assert _zones("借鉴新自贸区的经验做法。") == set()  # 新 alone: a new zone


def test_a_zone_where_a_practice_was_first_tried_before_others_borrowed_it_is_its_origin() -> None:
    assert _zones("这一做法最早在天津自贸试验区试行，后被多地借鉴。") == {("tianjin", None)}
    assert _zones("该模式已在天津自贸试验区试行一年。") == set()


def test_provinces_listed_at_the_head_of_a_clause_of_a_batch_statement_are_its_zones() -> None:
    text = "国务院第七批改革试点经验中，北京、上海、广东等自贸试验区的24项经验被推广。"
    assert _zones(text) == {("beijing", None), ("shanghai", None), ("guangdong", None)}
    assert _zones("第五批改革试点经验中，上海、广东自贸试验区贡献最多。") == {("shanghai", None), ("guangdong", None)}
    adopters = "我省全面复制推广国务院第六批改革试点经验，上海、广东等自贸试验区也在积极复制推广。"
    assert _zones(adopters) == set()


def test_the_first_batch_written_shoupi_is_batch_one_and_areas_listed_by_stem_open_a_statement() -> None:
    case = sentence_case("首批“最佳实践案例”中，上海、福建自贸试验区的“单一窗口”入选。")
    assert case_batches(case) == {("最佳实践案例", 1)}
    assert _zones("首批“最佳实践案例”中，上海、福建自贸试验区的“单一窗口”入选。") == {
        ("shanghai", None),
        ("fujian", None),
    }
    assert case_batches(sentence_case("全市首批改革试点经验共20项，在全市推广。")) == set()
    areas = _zones("南沙、前海、横琴三个片区的5个案例入选第三批最佳实践案例。")
    assert areas == {
        ("guangdong", "广州南沙新区片区"),
        ("guangdong", "深圳前海蛇口片区"),
        ("guangdong", "珠海横琴新区片区"),
    }


def test_the_series_under_another_of_its_names_and_the_state_council_promoting_a_zones_reform() -> None:
    assert case_batches(sentence_case("我市落实国务院第七批自贸试验区可复制推广改革经验共24项。")) == {
        ("改革试点经验", 7)
    }
    promoted = sentence_case("上海自贸试验区的“先照后证”改革已由国务院在全国范围内复制推广。")
    assert case_batches(promoted) == {("改革试点经验", None)}
    assert case_batches(sentence_case("我市学习借鉴先进地区改革经验，推出一批便民举措。")) == set()


def test_a_source_verb_governing_a_zones_mission_names_a_cause_not_an_origin() -> None:
    # 源于Z…的使命: the zone gave the reason a tool was created there, nothing was copied from it.
    assert _zones("“自由贸易账户的设立源于上海自贸试验区扩大金融开放的使命”，一位银行负责人说。") == set()
    # 源于Z and a practice of it stays an origin.
    assert _zones("我市推行的“一业一证”改革源于上海自贸试验区的做法。") == {("shanghai", None)}


def test_a_province_alone_where_a_practice_ran_before_it_was_copied_elsewhere_is_the_origin() -> None:
    text = "作为自贸试验区的一项账户创新，该工具先在天津试点运行三年，后推广到福建、广东等地。"
    assert _zones(text) == {("tianjin", None)}
    # Without a destination of the copy, or outside free trade zones, a place where something ran is no origin.
    assert _zones("作为自贸试验区的一项账户创新，该工具已在天津试点运行三年。") == set()
    assert _zones("该系统先在天津试点运行三年，后推广到福建、广东等地。") == set()


def test_zones_listed_in_the_qizhong_clause_of_a_numbered_batch_share_in_it() -> None:
    text = "商务部发布第4批最佳实践案例，其中湖北、湖南自贸试验区各有1个案例入选。"
    assert _zones(text) == {("hubei", None), ("hunan", None)}
    assert case_batches(sentence_case(text)) == {("最佳实践案例", 4)}


def test_provinces_counted_as_provinces_or_led_by_one_stand_for_their_zones() -> None:
    two = "在商务部发布的第三批最佳实践案例里，湖北、湖南两省自贸试验区的案例均有入选。"
    assert _zones(two) == {("hubei", None), ("hunan", None)}
    assert case_batches(sentence_case(two)) == {("最佳实践案例", 3)}
    led = "以广东为首的3个自贸试验区共有20项改革经验在全国复制推广。"
    assert _zones(led) == {("guangdong", None)}
    assert case_batches(sentence_case(led)) == set()


def test_a_creation_said_not_to_have_spread_has_no_origin() -> None:
    assert _zones("该平台由厦门片区与台湾地区机构合作推出，目前尚未在全国复制推广。") == set()
    assert _zones("该平台由厦门片区率先推出，目前已在全国复制推广。") == {("fujian", "厦门片区")}


def test_replicable_experience_to_be_reported_is_no_batch_copied() -> None:
    assert case_batches(sentence_case("该区计划年内向商务部报送两项可复制的改革试点经验。")) == set()
    assert case_batches(sentence_case("该区已复制推广国务院推出的改革试点经验“先照后证”。")) == {("改革试点经验", None)}


def test_a_batch_issued_in_a_sentence_opened_by_a_date_is_announced() -> None:
    text = "2020年，国务院印发通知，在全国复制推广第五批自由贸易试验区改革试点经验，共计15项。"
    assert case_batches(sentence_case(text)) == set()


def test_a_zone_that_opens_a_sentence_and_brings_in_a_national_batch_is_the_adopter() -> None:
    text = "南京片区引入国务院第五批改革试点经验中的“跨境电商出口退货”做法，在全省率先落地。"
    assert _zones(text) == set()
    assert case_batches(sentence_case(text)) == {("改革试点经验", 5)}


def test_a_zone_whose_own_case_or_compilation_copies_a_national_batch_is_the_adopter() -> None:
    text = "南昌片区去年报送的“赣江航运一单制”案例，复制推广了国务院第四批自由贸易试验区改革试点经验。"
    assert _zones(text) == set()
    assert case_batches(sentence_case(text)) == {("改革试点经验", 4)}
    assert _zones("长沙片区“企业登记容缺受理”复制推广的是国务院第3批改革试点经验。") == set()
    assert _zones("武漢片區改革案例彙編中，「跨境結算便利」一項源於商務部第三批自貿試驗區最佳實踐案例。") == set()


def test_a_zones_practice_a_national_batch_copies_or_lists_stays_its_origin() -> None:
    assert _zones("长沙片区的“企业登记容缺受理”做法，被国务院第五批改革试点经验复制推广。") != set()
    assert _zones("长沙片区探索的“企业登记容缺受理”模式，入选商务部第四批自贸试验区最佳实践案例。") != set()


def test_a_zone_visited_to_study_before_a_practice_was_launched_is_its_origin() -> None:
    assert _zones("我县组织干部赴浙江自贸试验区宁波片区考察学习后，出台了“一件事”集成改革方案。") == {
        ("zhejiang", "宁波片区")
    }
    # A visit with nothing launched after it is no origin.
    assert _zones("我县组织干部赴浙江自贸试验区宁波片区考察学习，了解园区建设情况。") == set()


def test_a_yardstick_whose_practice_the_next_clause_copies_is_an_origin() -> None:
    assert _zones("该市对标广西自贸试验区钦州港片区，复制其“海铁联运”单证模式。") == {("guangxi", "钦州港片区")}
    assert _zones("该市对标广西自贸试验区钦州港片区，提出打造区域物流枢纽的目标。") == set()


def test_a_copula_after_a_noun_of_origin_names_the_origin() -> None:
    assert _zones("该案例入选第五批最佳实践案例，首创地为山东自贸试验区青岛片区。") == {("shandong", "青岛片区")}


def test_a_count_of_results_before_the_state_councils_adoption_is_a_total() -> None:
    total = "截至去年底，云南自贸试验区累计有4项制度创新成果被国务院在全国复制推广。"
    assert case_batches(sentence_case(total)) == set()
    assert case_batches(sentence_case("该片区累计形成首创举措60余项，其中多项被国务院采纳推广。")) == set()
    # A count right after quoted names counts those items: they entered a batch.
    named = sentence_case("“A模式”“B机制”2项改革试点经验获国务院批准向全国复制推广。")
    assert case_batches(named) == {("改革试点经验", None)}


def test_a_batch_a_city_follows_as_issued_is_no_announcement() -> None:
    text = "我县按照商务部印发的第四批最佳实践案例清单，逐项抓好复制推广。"
    assert case_batches(sentence_case(text)) == {("最佳实践案例", 4)}


def test_a_zone_whose_creation_did_not_spread_opens_no_origin() -> None:
    text = "广西自贸试验区崇左片区与越南谅山省合作建立的边民互市机制，尚未在其他地区推广。"
    assert _zones(text) == set()


def test_a_batch_a_province_plans_to_copy_is_no_batch_copied() -> None:
    assert case_batches(sentence_case("某省拟于明年复制推广国务院第6批改革试点经验中的20项举措。")) == set()
    assert case_batches(sentence_case("某省已复制推广国务院第6批改革试点经验中的20项举措。")) == {("改革试点经验", 6)}


def test_a_zone_whose_practice_is_said_to_come_from_another_is_the_adopter() -> None:
    text = "湖北自贸试验区襄阳片区的做法借鉴自河南自贸试验区洛阳片区。"
    assert _zones(text) == {("henan", "洛阳片区")}


def test_zones_listed_after_by_as_creators_inside_a_batch_are_origins() -> None:
    text = "第五批改革试点经验中，由广东、福建两地自贸试验区共同探索的“跨境结算”名列其中。"
    assert _zones(text) == {("guangdong", None), ("fujian", None)}


def test_the_state_councils_office_issuing_a_zones_practice_nationally_is_an_unnumbered_batch() -> None:
    text = "江苏自贸试验区苏州片区探索的“一网通关”，已被国务院办公厅印发全国推广。"
    assert case_batches(sentence_case(text)) == {("改革试点经验", None)}


def test_a_zone_another_will_copy_next_year_is_no_origin() -> None:
    assert _zones("四川自贸试验区川南临港片区将于明年复制重庆自贸试验区两江片区的“离岸贸易”模式。") == set()


def test_an_area_opening_the_clause_after_a_provincial_batch_is_its_practices_origin() -> None:
    text = "湖北省第二批自贸试验区最佳实践案例中，襄阳片区的“多式联运”入选。"
    assert _zones(text) == {("hubei", "襄阳片区")}
    assert case_batches(sentence_case(text)) == set()


def test_an_area_included_in_a_national_batch_is_its_practices_origin() -> None:
    text = "商务部发布的第四批最佳实践案例中包括江苏自贸试验区南京片区的“集成电路”做法。"
    assert _zones(text) == {("jiangsu", "南京片区")}


def test_two_provinces_counted_as_provincial_regions_stand_for_their_zones() -> None:
    text = "广西、云南两省区自贸试验区共同探索的跨境劳务合作，入选第三批最佳实践案例。"
    assert _zones(text) == {("guangxi", None), ("yunnan", None)}


def test_an_area_where_a_copied_practice_was_first_tried_is_its_origin() -> None:
    text = "我县复制推广的“拿地即开工”模式，最早在山东自贸试验区济南片区试点。"
    assert _zones(text) == {("shandong", "济南片区")}


def test_a_province_alone_ending_its_clause_after_a_source_verb_is_an_origin() -> None:
    text = "第二批最佳实践案例中有3个来自福建、2个来自天津。"
    assert _zones(text) == {("fujian", None), ("tianjin", None)}


def test_a_batch_still_to_be_issued_is_no_batch_copied() -> None:
    assert case_batches(sentence_case("据了解，自贸试验区第八批改革试点经验将于年底印发。")) == set()


def test_an_area_whose_quoted_practice_an_issued_batch_includes_is_its_origin() -> None:
    text = "商务部印发第六批“最佳实践案例”，其中包括湖南自贸试验区岳阳片区的“港航一件事”。"
    assert _zones(text) == {("hunan", "岳阳片区")}


def test_the_state_council_taking_an_areas_first_as_experience_is_an_unnumbered_batch() -> None:
    text = "河北自贸试验区正定片区首创的“航空物流一单制”，已被国务院作为经验在全国推广。"
    assert case_batches(sentence_case(text)) == {("改革试点经验", None)}


def test_a_zone_followed_by_its_own_numbered_list_opens_no_origin() -> None:
    assert _zones("海南自贸港第十批制度集成创新案例中，有2项源于某开发区。") == set()


def test_a_zone_opening_the_clause_after_a_spreading_phrase_is_its_origin() -> None:
    assert _zones("经商务部推广，陕西自贸试验区的“农业科技服务”模式在多个省份落地。") == {("shaanxi", None)}


def test_areas_listed_after_their_cities_stand_for_their_zones() -> None:
    text = "珠海横琴、广州南沙两个片区的4项经验入选第二批最佳实践案例。"
    assert _zones(text) == {("guangdong", "珠海横琴新区片区"), ("guangdong", "广州南沙新区片区")}


def test_a_zone_named_with_no_other_role_in_a_batch_sentence_is_a_members_origin() -> None:
    named = "在商务部印发的第四批最佳实践案例名单上，出现了江苏自贸试验区连云港片区的名字。"
    assert _zones(named) == {("jiangsu", "连云港片区")}
    first = "国务院第二批改革试点经验中的“企业准入单一窗口”，最早在广东自贸试验区实施。"
    assert _zones(first) == {("guangdong", None)}
    # Where the batch landed, a yardstick or a reporter of a copy is no origin.
    assert _zones("国务院第二批改革试点经验已在广东自贸试验区全面落地。") == set()
    assert _zones("本案例由宁波片区报送，源于国务院第六批改革试点经验“跨关区直供”。") == set()


def test_provinces_sharing_a_batchs_count_are_its_origins() -> None:
    text = "第四批最佳实践案例共有18个，湖北、湖南各占3个。"
    assert _zones(text) == {("hubei", None), ("hunan", None)}


def test_spreading_to_a_named_provinces_whole_territory_is_a_diffusion() -> None:
    assert _zones("经过三年探索，南宁片区的“跨境金融”改革已在云南全省推开。") == {("guangxi", "南宁片区")}


def test_a_plan_word_is_read_with_what_follows_it_not_inside_another_word() -> None:
    """拟 and 准备 plan only before what is planned (拟借鉴, 准备在): 模拟申报 and 存款准备金 plan nothing."""
    assert _zones("通过模拟申报，南沙片区借鉴上海自贸试验区的做法推行“一站式”通关。") == {("shanghai", None)}
    assert _zones("某区拟借鉴上海自贸试验区的做法推行“一站式”通关。") == set()
    assert _zones("某区准备借鉴上海自贸试验区的做法。") == set()


def test_a_plan_being_drafted_is_no_copying_done() -> None:
    """A plan still being drafted that would copy a zone's practice states no origin; once copied, it does."""
    assert _zones("某市正在研究制定借鉴上海自贸试验区经验的工作方案，计划明年推出。") == set()
    assert _zones("某市着手制定借鉴上海自贸试验区经验的实施意见。") == set()
    assert _zones("某市借鉴上海自贸试验区经验制定实施方案，推行“一站式”通关。") == {("shanghai", None)}


def test_a_practice_tried_in_a_zone_and_landed_elsewhere_came_from_the_zone() -> None:
    """在Z试点成功的“X”, landed later in the sentence elsewhere: Z is the origin; a project of Z that is landing there
    too (试点运行的项目落地投产) names no practice that came from it."""
    assert _zones("在上海自贸试验区试点成功的“首席服务官”制度，近日在某市全面落地。") == {("shanghai", None)}
    assert _zones("某企业在上海自贸试验区试点运行的项目落地投产。") == set()


def test_a_zone_that_sends_its_results_out_to_the_province_is_their_origin() -> None:
    """向全省输出/复制推广 with its object after it: the zone sends its results out (a statement of totals gives
    the zone, no reform); 在全省率先复制推广 a batch is the zone copying."""
    assert _zones("截至2024年6月，上海自贸试验区累计向全省输出制度创新成果41项。") == {("shanghai", None)}
    assert _zones("上海自贸试验区在全省率先复制推广第六批改革试点经验。") == set()


def test_places_each_named_with_its_practice_and_coordinated_are_both_origins() -> None:
    """z28c (round 38's budget note): 复制推广Z1…经验和Z2…经验: the second place stands where the first does, when its
    own practice follows it; a place coordinated with no practice of its own (和Z2开展合作) is no origin."""
    text = (
        "该专项用于复制推广湖南自贸试验区郴州片区有色金属仓单交易经验和安徽自贸试验区蚌埠片区硅基材料产业链建设经验。"
    )
    assert _zones(text) == {("hunan", "郴州片区"), ("anhui", "蚌埠片区")}
    assert _zones("某市借鉴湖南自贸试验区岳阳片区经验和安徽自贸试验区芜湖片区开展合作。") == {("hunan", "岳阳片区")}


def _batches(text: str) -> set[tuple[str, int | None]]:
    return case_batches(sentence_case(text))


def test_a_partner_compared_with_listed_beside_or_worked_with_is_no_origin() -> None:
    assert _zones("某市在口岸建设查验中心，并与广西自贸试验区南宁片区的同类平台作了比较。") == set()
    assert _zones("该做法由某区报送，同辽宁自贸试验区营口片区的“港口通关”一起入选第五批最佳实践案例。") == set()
    assert _zones("某县与湖南自贸试验区岳阳片区签署合作备忘录，共建“江海联运”通道。") == set()
    both = {("guangdong", "广州南沙新区片区"), ("guangdong", "珠海横琴新区片区")}
    assert _zones("广东自贸试验区南沙新区片区与珠海横琴新区片区一同入选第五批最佳实践案例。") == both
    assert _zones("与浙江自贸试验区金义片区结对后，复制了其“义新欧”集拼模式。") == {("zhejiang", "金义片区")}


def test_a_place_holding_a_role_under_a_zone_names_no_origin() -> None:
    assert _zones("某市作为江苏自贸试验区联动创新区，推出“一企一策”服务。") == set()
    assert _zones("某市是江苏自贸试验区的协同发展区，推出“一企一策”服务。") == set()


def test_a_zones_name_right_before_an_area_of_another_zone_qualifies_that_area() -> None:
    assert _zones("学习对象：北京自贸试验区大兴机场片区“航空物流”监管") == {("hebei", "大兴机场片区")}


def test_an_earlier_membership_a_contrast_or_a_linkage_zones_list_is_no_batch_of_the_case() -> None:
    assert _batches("某局此前已有3项经验入选国务院第五批改革试点经验，此次推出“智慧查验”。") == set()
    assert _batches("继“一码通关”入选商务部第三批最佳实践案例之后，某市又推出“冷链直通”。") == set()
    assert _batches("与入选国务院第七批改革试点经验的“分段监管”不同，某市采用了整体监管。") == set()
    assert _batches("该做法入选湖北省自贸试验区联动创新区第一批制度创新案例。") == set()
    assert _batches("该做法此前已入选国务院第五批改革试点经验，今年又在全省推广。") == {("改革试点经验", 5)}


def test_a_batch_cited_in_a_reference_list_is_no_origin_and_a_footnote_telling_a_fact_keeps_it() -> None:
    assert _batches("［3］国务院关于做好自由贸易试验区第五批改革试点经验复制推广工作的通知") == set()
    assert _batches("②某市商务局.某市复制推广第四批最佳实践案例情况报告，2022年。") == set()
    assert _batches("②全市已复制推广第四批最佳实践案例18项。") == {("最佳实践案例", 4)}


def test_a_ticked_series_and_a_batch_field_on_one_form_line_state_a_batch() -> None:
    line = "经验类别：☑改革试点经验　□最佳实践案例　　批次：第四批　　首创地：辽宁自贸试验区营口片区"
    assert _batches(line) == {("改革试点经验", 4)}
    assert _zones(line) == {("liaoning", "营口片区")}
    assert _batches("经验类别：□改革试点经验　□最佳实践案例　☑市级成果　　批次：第四批") == set()


def test_a_plan_with_adverbs_before_the_verb_of_copying_is_no_origin() -> None:
    assert _zones("明年某市将重点复制天津自贸试验区天津港片区“船边直提”经验。") == set()
    assert _zones("某市已将天津自贸试验区天津港片区“船边直提”经验复制到本地港口。") == {("tianjin", "天津港片区")}


def test_a_zone_that_sent_an_item_later_placed_in_a_batch_is_its_origin() -> None:
    text = "该模式由辽宁自贸试验区营口片区报送，与另一地区的做法同时入选商务部第四批最佳实践案例。"
    assert _zones(text) == {("liaoning", "营口片区")}
    assert _zones("本案例由辽宁自贸试验区营口片区报送，源于第四批最佳实践案例。") == set()  # it reported a copy


def test_a_forms_ticked_series_and_its_batch_field_on_lines_apart_state_a_batch() -> None:
    form = "复制来源：□其他自贸试验区　☑国务院推广经验　□自主创新\n推广批次：第五批\n主要做法：某局设立服务专窗。"
    assert _batches(form) == {("改革试点经验", 5)}
    assert _batches(form.replace("☑国务院推广经验　□自主创新", "□国务院推广经验　☑自主创新")) == set()


def test_a_source_field_measuring_against_a_zone_names_no_origin() -> None:
    assert _zones("学习对象：对标湖北自贸试验区襄阳片区的服务标准，自主优化") == set()
    assert _zones("学习对象：湖北自贸试验区襄阳片区") == {("hubei", "襄阳片区")}
