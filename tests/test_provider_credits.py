"""Providers a case credits outside a provider line (graph/extract/_provider_credits.py): a kicker line above the
heading, a byline's unit, the place a scene-first section turns to, and a provider's written form made standard
(issue #15, helper z27e). Small texts of their own wording, not the held-out collections'.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from ftzgraph.graph.extract._provider_standard import standard_provider
from ftzgraph.graph.extract.pipeline import extract_document
from ftzgraph.graph.model import Document


def _providers(text: str) -> list[str | None]:
    document = Document(id="c", path=Path("c.txt"), text=text, sha256="c")
    return [case.provider for case in extract_document(document).cases]


_KICKERS = (
    "联动发展区制度创新案例选编\n\n说明：本辑收录案例三个，每案上方标注所属地区。\n\n"
    "〔韶关市〕\n一、稀土产品出口“预检直放”\n"
    "　　韶关海关在园区设立预检点，稀土产品出口通关时间由3天压缩至半天，企业物流成本降低二成。\n\n"
    "【梅州·兴宁】\n二、电声产品“一证准营”\n"
    "　　县市场监督管理局把电声企业涉及的四项许可整合为一证，企业开办时间缩短一半。\n\n"
    "〔阳江市〕\n三、刀剪产品“集中检测”\n申报单位：阳江市商务局\n"
    "　　刀剪企业出口检测由分散送检改为集中检测，检测费用下降三成。\n"
)


def test_a_kicker_above_the_heading_is_its_case_provider_not_the_closing_tag_of_the_case_before() -> None:
    assert _providers(_KICKERS) == ["韶关市", "兴宁市", "阳江市商务局"]  # a 申报单位 line beats the kicker


def test_a_tag_line_after_the_text_stays_its_own_case_when_no_kicker_stands_above_the_first_heading() -> None:
    text = _KICKERS.replace("〔韶关市〕\n", "", 1).replace("\n\n【梅州·兴宁】", "\n【梅州·兴宁】\n", 1)
    assert _providers(text)[0] == "兴宁市"  # 【梅州·兴宁】 closes the first case: its own tag, as before


_NEWSLETTER = (
    "南湖新区改革简讯\n2026年第3期（总第20期）\n南湖新区改革办编印　　　　2026年3月28日\n\n"
    "本期导读：本期刊发三项改革成果，供各部门学习借鉴。\n\n"
    "一、企业开办“一日办结”\n{byline}\n"
    "　　企业开办涉及的登记、刻章、申领发票由分别申请改为一次办结，开办时间压缩至1个工作日，今年已服务企业1200家。\n\n"
    "二、项目审批“容缺受理”\n　　对非关键材料实行容缺受理、承诺补正，项目审批时间缩短40%，今年已有36个项目受益。\n"
    "　　（北湖区行政审批局供稿）\n\n"
    "三、工程验收“一次验”\n"
    "　　规划、消防、人防验收由分头跑变为一次验，由行政审批部门统一组织，验收时间压缩至7个工作日。\n"
    "　　（成果单位：东湖区人民政府）\n"
)


@pytest.mark.parametrize(
    ("byline", "provider"),
    [
        ("文｜滨海新城建设管理局", "滨海新城建设管理局"),
        ("撰稿　凤凰新城税务所　王某", "凤凰新城税务所"),
        ("文 | 南湖区商务局", "南湖区商务局"),
        ("□ 南湖区商务局　王某", "南湖区商务局"),  # a newspaper's byline opened by a box
    ],
)
def test_a_bylines_unit_under_the_title_is_the_provider(byline: str, provider: str) -> None:
    assert _providers(_NEWSLETTER.format(byline=byline)) == [provider, "北湖区行政审批局", "东湖区人民政府"]


@pytest.mark.parametrize(
    "byline", ["文／图　本刊通讯员　李某", "文／本报记者　张某　通讯员　西湖区行政审批局　赵某", "□ 本报记者　张某"]
)
def test_a_writers_role_in_a_byline_names_no_provider(byline: str) -> None:
    assert _providers(_NEWSLETTER.format(byline=byline))[0] is None


def test_a_scene_first_section_takes_the_place_it_turns_to_and_names_again() -> None:
    text = (
        "小切口里的大改革\n本报记者　某某\n\n"
        "◆冷链物流“一码溯源”\n　　凌晨四点，从昆明赶来的货车停在冷库门口，司机扫码后不到十分钟就卸完了货。\n"
        "　　在曲靖，这样的“一码溯源”已经覆盖全部冷库。"
        "曲靖把冷库、运输车辆和检测数据接入一个平台，已服务企业300家。\n\n"
        "◆花卉出口“预约查验”\n　　清晨六点，花农把刚采下的鲜花装进冷藏箱。\n"
        "　　玉溪市推行花卉出口预约查验，企业线上预约后按时段查验放行。玉溪市花卉出口今年增长两成。\n"
    )
    assert _providers(text) == ["曲靖市", "玉溪市"]


def test_a_scene_section_takes_the_place_a_later_sentence_of_its_paragraph_turns_to() -> None:
    text = (
        "走进内地城市\n本报记者　某某\n\n"
        "◆跨境电商“一站通关”\n　　傍晚五点，仓库里的分拣线还在运转。“以前出口要等三天，现在当天就走。”一位经理笑着说。"
        "在宁德，跨境电商企业一次申报即可通关，今年出口单量增长两成。宁德市已有企业120家受益。\n\n"
        "◆园区审批“就地办结”\n　　早上八点，服务中心窗口前排起了队。“从拿地到开工只用了40天。”一位企业主说。"
        "莆田市把56项审批权限下放到园区，企业不出园区即可办结。莆田今年新开工项目30个。\n"
    )
    assert _providers(text) == ["宁德市", "莆田市"]


def test_a_body_acting_first_yields_to_the_place_a_later_sentence_of_its_paragraph_sets_the_section_in() -> None:
    text = (
        "小切口里的大改革\n本报记者　某某\n\n"
        "◆冷链出口“预约查验”\n　　宜宾海关在冷库设立查验点，冷链出口通关时间缩短一半。“现在半天就能通关。”一位经理说。"
        "在宜宾，已有冷链企业50家受益，宜宾市冷链出口今年增长两成。\n\n"
        "◆花卉出口“预约查验”\n　　清晨六点，花农把刚采下的鲜花装进冷藏箱。\n"
        "　　玉溪市推行花卉出口预约查验，企业线上预约后按时段查验放行。玉溪市花卉出口今年增长两成。\n"
    )
    assert _providers(text) == ["宜宾市", "玉溪市"]


@pytest.mark.parametrize(
    ("written", "standard"),
    [
        ("湖北省宜昌市", "宜昌市"),
        ("湖北省宜昌市夷陵区", "宜昌市夷陵区"),
        ("湖北省商务厅", "湖北省商务厅"),  # a province's own body keeps its province
        ("江西省宜昌市", "江西省宜昌市"),  # a city of another province is no city of this one
        ("珠海高新區", "珠海高新区"),
        ("广东中山", "中山市"),  # a province's stem and a city's, as a wire story writes them
        ("甘肃天水市", "天水市"),
        ("湖北中山", "湖北中山"),  # no city of that province
        ("菏泽·曹县", "曹县"),  # a city and its county joined by a dot
        ("淄博·张店", "张店区"),
        ("黄石经济技术开发区·铁山区管委会", "黄石经济技术开发区·铁山区管委会"),  # a joint body keeps its name
    ],
)
def test_a_provider_is_written_without_its_province_and_in_simplified_script(written: str, standard: str) -> None:
    assert standard_provider(written) == standard


def test_a_bracket_in_the_heading_before_the_title_names_its_unit() -> None:
    text = (
        "第三方评估报告\n\n一、评估结果\n\n"
        "评估对象一【柳州海关】出口汽车“属地查检”\n　　综合得分：90分\n"
        "　　评估发现：出口汽车在企业厂区完成查检，口岸直接放行，通关时间缩短一半以上。\n\n"
        "评估对象二【柳南区人民政府】工业用地“弹性年期”出让\n　　综合得分：86分\n"
        "　　评估发现：工业用地按产业生命周期弹性出让，企业用地成本降低三成左右。\n"
    )
    assert _providers(text) == ["柳州海关", "柳南区人民政府"]


def test_a_closing_bracket_saying_who_did_the_items_material_names_its_provider() -> None:
    text = _NEWSLETTER.format(byline="").replace(
        "开办时间压缩至1个工作日，今年已服务企业1200家。\n",
        "开办时间压缩至1个工作日，今年已服务企业1200家。\n（本文由西湖区市场监督管理局协助撰写）\n",
    )
    assert _providers(text)[0] == "西湖区市场监督管理局"


def test_a_body_acting_in_a_section_set_in_a_place_gives_way_to_the_place() -> None:
    text = (
        "小切口里的大改革\n本报记者　某某\n\n"
        "◆红茶出口“检测前置”\n　　清晨，普洱海关的关员已经来到茶园，采样、封样、登记，一个小时就完成了。\n"
        "　　在澜沧，茶叶出口的检测已经前移到茶园。澜沧县今年红茶出口量同比增长五成。\n\n"
        "◆咖啡豆出口“一次查验”\n"
        "　　思茅区推行咖啡豆出口一次查验，企业出口查验时间由3天缩短至1天，思茅区咖啡出口今年增长两成。\n"
    )
    assert _providers(text) == ["澜沧县", "思茅区"]


_FIRST_END = "今年已服务企业1200家。\n"


@pytest.mark.parametrize(
    "closing",
    [
        "今年已服务企业1200家。（西湖区市场监督管理局供稿）\n",  # a bracket closing the paragraph
        "今年已服务企业1200家。\n（成果单位：西湖区市场监督管理局）\n（图片由西湖区融媒体中心提供）\n",
        "今年已服务企业1200家。\n文字｜西湖区市场监督管理局　　图片｜西湖区融媒体中心\n",  # a byline of two fields
    ],
)
def test_a_closing_credit_names_its_unit_past_a_news_outlets_credit(closing: str) -> None:
    text = _NEWSLETTER.format(byline="").replace(_FIRST_END, closing, 1)
    assert _providers(text)[0] == "西湖区市场监督管理局"


def test_lines_after_a_separator_closing_the_last_case_are_the_documents_not_its_credit() -> None:
    text = _NEWSLETTER.format(byline="").replace(
        "（成果单位：东湖区人民政府）\n", "（成果单位：东湖区人民政府）\n\n▼\n制图：南湖日报社\n来源：南湖新区商务局\n"
    )
    assert _providers(text)[2] == "东湖区人民政府"


def test_a_kicker_sitting_on_its_heading_files_its_case_when_the_first_case_has_none() -> None:
    providers = _providers(_KICKERS.replace("〔韶关市〕\n", "", 1))
    assert providers[1:] == ["兴宁市", "阳江市商务局"]
    assert providers[0] != "兴宁市"  # the next case's kicker is no closing tag of this one


def test_places_joined_by_a_middle_dot_after_a_bar_mark_are_a_kicker() -> None:
    text = _KICKERS.replace("【梅州·兴宁】", "▌梅州·兴宁")
    assert _providers(text) == ["韶关市", "兴宁市", "阳江市商务局"]


_WIRE_PARAGRAPHS = (
    "新华社北京3月2日电（记者　某某）各地复制推广自贸试验区改革经验取得新进展。\n\n"
    "在广东韶关，“工业用地标准地”改革让企业拿地即开工。这项改革借鉴外地经验推出，韶关市今年已出让标准地9宗。\n\n"
    "在山西运城，“苹果出口快检”让果农省了时间。运城海关把检测设备前移到冷库，运城苹果出口增长两成。\n\n"
    "在辽宁辽阳，“不动产带押过户”为群众节省过桥资金。辽阳市今年已办理带押过户业务212件。\n\n"
    "在江西景德镇，“陶瓷出口集拼”让小微企业抱团出海。景德镇海关推行集拼监管，景德镇陶瓷出口增长三成。（完）\n"
)


def test_a_wire_storys_paragraph_opening_in_a_province_and_city_is_that_citys_case() -> None:
    assert _providers(_WIRE_PARAGRAPHS)[-3:] == ["运城市", "辽阳市", "景德镇市"]  # the cases the splitter reads


_FIRST_SETTINGS = (
    "复制推广自贸试验区改革经验典型做法展示\n发布时间：2026-03-12　　来源：桂林市商务局\n\n"
    "1. 景区门票“一码通游”\n　　在阳朔县，游客只需扫描一个二维码，即可购买县内12个景区的门票并预约入园。"
    "这项做法今年在全县推开，景区排队时间缩短一半以上。\n\n"
    "2. 农产品出口“产地预检”\n　　在种植基地开展产地预检，出口时不再重复抽样，通关时间平均缩短1.5天，"
    "全年出口额增长18%。\n\n"
    "3. 民宿开办“一件事”集成办理\n　　在遂宁市政务服务中心，民宿开办涉及的营业执照、卫生许可等事项一次办结。"
    "遂宁今年已有86家民宿通过集成办理开业。\n\n"
    "4. 工程建设项目“联合验收”\n　　将规划、消防、人防等验收事项合并为一次联合验收，项目竣工验收时间由30天"
    "压缩至7天，已有41个项目通过联合验收。\n"
)


def test_a_section_set_first_in_a_county_is_its_case_but_a_word_ending_like_a_place_is_not() -> None:
    # 阳朔县 named once, as the first sentence's setting; 种植基地 no place; the building's city, named again
    assert _providers(_FIRST_SETTINGS) == ["阳朔县", None, "遂宁市", None]


_MARKED_KICKERS = (
    "复制推广经验汇编\n\n■岳阳楼区\n商事登记“全程电子化”\n　　企业开办全程网上办理，开办时间压缩至半天。\n\n"
    "■汨罗市\n再生资源回收“一网通”\n　　回收企业上线交易，全年交易额突破30亿元。\n\n"
    "■华容县\n宅基地审批“一站办”\n　　审批时间由45天缩短至10天。\n"
)


@pytest.mark.parametrize("mark", ["■", "📍", "▶️ "])
def test_a_unit_alone_after_a_mark_over_a_bare_title_is_a_kicker(mark: str) -> None:
    assert _providers(_MARKED_KICKERS.replace("■", mark)) == ["岳阳楼区", "汨罗市", "华容县"]


_TV_SCRIPT = (
    "【文字版】\n本期专题，记者跟随镜头走访三地，记录自贸试验区经验在边境地区落地。\n\n"
    "镜头一｜互市贸易商品“落地加工”\n\n（画面：互市贸易区，货车排队入场）\n"
    "解说：在黑龙江自贸试验区绥芬河片区，边民互市进口的松子不再只是过个手。绥芬河片区推行落地加工，商品增值三成。\n"
    "同期声（绥芬河市商务局　王某）：今年上半年，落地加工的互市商品达到2.3万吨。\n\n"
    "镜头二｜冷链果蔬出口“绿色通道”\n\n（画面：东宁口岸，冷藏车通关）\n"
    "解说：东宁市学习外地做法，对出口果蔬实施即报即验，通关时间由48小时缩短至6小时以内。\n\n"
    "镜头三｜林下经济“林权贷”\n\n（画面：穆棱林区，林农采摘）\n"
    "解说：在穆棱市，林农手里的林权证变成了活资本。穆棱市今年发放林权贷款1.2亿元。\n"
)


def test_a_section_set_in_an_ftz_area_it_names_again_by_the_areas_name_is_that_areas_case() -> None:
    assert _providers(_TV_SCRIPT)[0] in ("绥芬河片区", "黑龙江自贸试验区绥芬河片区")


_NEWSPAPER_SOURCES = (
    "河源日报 > 第A03版：综合新闻\n\n自贸经验“飞入”山城\n\n"
    "本报讯（记者 某某）我市今年以来复制推广自贸试验区改革经验成效明显。以下是几个县区的做法。\n\n"
    "企业开办“一窗通办”\n　　东源县推行企业开办“一窗通办”，把营业执照、刻章、税务登记等环节整合到一个窗口，"
    "企业开办时间由3天压缩至半天。\n（来源：河源日报）\n\n"
    "不动产“带押过户”\n　　在源城区不动产登记中心，市民王先生当天就办完了二手房“带押过户”，无需提前还清贷款。"
    "源城区今年共办理“带押过户”业务430件。\n（来源：河源日报）\n\n"
    "农产品出口“绿色通道”\n　　和平县开通农产品出口“绿色通道”，产地检疫、通关一站办结，出口猕猴桃通关时间缩短一半。"
    "\n（来源：河源日报）\n"
)


def test_a_newspaper_named_as_the_source_leaves_the_case_to_the_place_its_paragraph_is_set_in() -> None:
    assert _providers(_NEWSPAPER_SOURCES) == ["东源县", "源城区", "和平县"]


@pytest.mark.parametrize(
    ("paragraph", "place"),
    [
        ("和平县开通农产品出口绿色通道，产地检疫、通关一站办结", "和平县"),  # a verb no list names
        ("为解决项目审批环节多、周期长的问题，鸡东县为每个项目赋予专属二维码", "鸡东县"),  # after a purpose clause
        ("“现在当天就能开工。”一家企业负责人说。原来，龙川县对工业项目实行拿地即开工", "龙川县"),  # after a speech
    ],
)
def test_a_division_opening_a_sentence_of_the_first_paragraph_is_the_sections_place(paragraph: str, place: str) -> None:
    text = _NEWSPAPER_SOURCES.replace(
        "和平县开通农产品出口“绿色通道”，产地检疫、通关一站办结，出口猕猴桃通关时间缩短一半。",
        paragraph + "，审批、监管信息全程可查，办理时间压缩40%。",
    )
    assert _providers(text)[-1] == place


_NEWS_ITEMS = (
    "岳阳日报　2026年5月6日　第3版\n我市复制推广自贸试验区经验见实效\n\n"
    "本报讯（记者 张三 通讯员 李四）岳阳楼区推出“商事登记全程电子化”，企业开办时间压缩至半天，"
    "今年新增市场主体1.2万户。\n\n"
    "本报讯（记者 王五）近日，汨罗市探索“再生资源回收一网通”，回收企业上线交易，全年交易额突破30亿元，税收增长18%。\n\n"
    "本报讯　华容县率先推行“农村宅基地审批一站办”，审批时间由45天缩短至10天，群众跑腿次数减少80%。\n\n"
    "本报讯（通讯员 赵六）平江县推出“乡村民宿联合体”，统一标准、统一营销，民宿入住率提高25个百分点。\n\n"
    "责任编辑：孙七\n"
)


def test_a_news_items_subject_after_its_lead_in_is_its_provider_past_a_headline_above_it() -> None:
    assert _providers(_NEWS_ITEMS) == ["岳阳楼区", "汨罗市", "华容县", "平江县"]


def test_a_scene_set_in_a_site_of_a_place_names_the_place() -> None:
    """在X国际航天城，… / X市商务局介绍，X借鉴…: the site's name opens with the place it is in, the place the case is
    about (a Hong Kong daily's scene-first section, issue #15); a body named as a news source is no provider."""
    text = (
        "某報　內地新聞\n\n三地複製先行經驗\n\n（記者 某某 海口報道）島內多地近期把先行區域的改革做法搬到本地。\n\n"
        "■物資「預約通關」\n\n在萬寧國際旅遊港，一輛貨車剛剛駛離查驗區。「現在一個小時就放行。」一家企業負責人說。"
        "萬寧市商務局介紹，萬寧借鑒上海自貿試驗區的做法，推出預約通關，通關時間壓縮至4小時以內，已通關46批次。\n\n"
        "■「標準地」供地\n\n屯昌縣推行「標準地」出讓，由縣自然資源和規劃局完成區域評估，已出讓11宗，平均用時縮短至30天。\n\n"
        "■酒店業「一業一證」\n\n保亭縣推行酒店業「一業一證」，把7張許可證整合為1張，辦證時間由45天減至8天。\n"
    )
    assert _providers(text)[0] == "万宁市"
