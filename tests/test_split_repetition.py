"""Cases found from a document's own repetition (graph/extract/_split_repetition.py, issue #15): layouts no rule
describes, cut where lines of one shape each open a case-like segment, and never where the rules' own split stands."""

from __future__ import annotations

from pathlib import Path

from ftzgraph.graph.extract._split_lines import text_lines
from ftzgraph.graph.extract._split_repetition import _unit_only, case_likeness, repeated_split
from ftzgraph.graph.extract.gazetteer import load_gazetteer
from ftzgraph.graph.extract.pipeline import extract_document
from ftzgraph.graph.extract.split import split_cases
from ftzgraph.graph.model import Document


def _document(text: str) -> Document:
    return Document(id="r", path=Path("r.txt"), text=text, sha256="r")


def _titles(text: str) -> list[str]:
    return [case.title for case in extract_document(_document(text), load_gazetteer()).cases]


BYLINES = """甲市对外开放
2024年第1期

【本期导读】
本期刊发复制推广改革经验的3篇文章。
子项改革“一窗通办”
文／甲市行政审批局　某某

甲市行政审批局借鉴上海自贸试验区做法，推行企业开办一窗通办，办理时间由3天缩短至1天，累计服务企业1200家。

丑项改革“提前申报”
文／甲海关　某某

甲海关复制国务院第五批改革试点经验，推行进口货物提前申报，通关时间压缩50%，今年验放货物3万吨。

寅项改革“信易贷”
文／甲市发展和改革委员会　某某

甲市发展和改革委员会搭建信易贷平台，发放信用贷款2.1亿元，放款时间由15天缩短至3天。

（责任编辑：某某）
"""


def test_titles_over_a_byline_are_cases_with_the_count_stated() -> None:
    """Bare title lines, each over a byline (文／X): the family of the count the lead states, the first title standing
    right under the lead with no blank line before it as the others do; the rules found none, so the pipeline's
    readers of paragraphs went first."""
    assert not split_cases(_document(BYLINES)).cases
    assert _titles(BYLINES) == [
        "子项改革“一窗通办”",
        "丑项改革“提前申报”",
        "寅项改革“信易贷”",
    ]


RUN_IN = """乙市人民政府办公室
改革动态摘要

现摘要如下：

“子项一次办好”：乙区政务服务局借鉴广东自贸试验区做法，将86个事项整合为32个一件事，实行一窗受理。
目前一件事平均办理时间缩短65%。（乙区人民政府）

“丑项跨境出口”：乙海关复制推广国务院第三批改革试点经验，开展跨境电商零售出口。
1至5月出口包裹9.2万单，同比增长2.4倍。（乙海关）

“寅项容缺受理”：丙旗行政审批局复制推广重庆自贸试验区经验，对企业申请实行容缺受理。
今年以来办理容缺受理业务1260件，企业办事时间平均节省3天。（丙旗人民政府）

以上信息供参阅。
"""


def test_paragraphs_run_in_with_a_quoted_title_are_cases_titled_by_it() -> None:
    """“title”：text paragraphs with no heading mark and no count: each opens a case, titled by its quoted words."""
    assert _titles(RUN_IN) == ["子项一次办好", "丑项跨境出口", "寅项容缺受理"]


def test_the_closing_lines_after_the_last_case_are_no_part_of_it() -> None:
    last = extract_document(_document(RUN_IN), load_gazetteer()).cases[-1]
    assert "丙旗人民政府" in RUN_IN[last.text.start : last.text.end]
    assert "以上信息供参阅" not in RUN_IN[last.text.start : last.text.end]


SPEECH = """在全市改革推进会上的讲话
同志们：
　　今天召开这个会，主要是部署下一步任务。下面我讲两点意见。
　　一、肯定成效
　　全市累计复制推广改革事项260余项。这里我举几个例子。
　　比如，甲县的铜产品“保税混矿”。甲县学习借鉴营口片区做法，甲海关、甲县商务局一起推，物流成本下降约18%。
　　再比如，市自然资源局牵头的不动产“交房即交证”。市自然资源局、市住建局联动推行，已惠及群众8600余户。
　　还有乙区的企业“简易注销”一网通办。区市场监管局、区税务局把注销办理时间从20天压缩到3天以内。
　　二、抓好落实
　　要持续对标高标准经贸规则，力争年底前复制推广事项达到300项。
"""


def test_a_speechs_examples_are_cases_and_its_lead_and_tasks_are_not() -> None:
    """Paragraphs that each open by naming a reform and tell who did it with what result: a case each; the speech's
    other paragraphs (a total, a target) are none."""
    assert _titles(SPEECH) == ["铜产品“保税混矿”", "不动产“交房即交证”", "企业“简易注销”一网通办"]


def test_two_bare_titles_with_no_count_are_a_reports_points_not_its_cases() -> None:
    """Fewer lines than the fallback's least family, and no count: no split by repetition."""
    two = BYLINES.replace("本期刊发复制推广改革经验的3篇文章。", "本期刊发复制推广改革经验的文章。")
    two = two[: two.index("寅项改革")]
    lines = text_lines(two)
    assert repeated_split(lines, 0, None) is None


def test_a_count_no_family_has_gives_no_split() -> None:
    lines = text_lines(BYLINES)
    assert repeated_split(lines, 0, 5) is None
    found = repeated_split(lines, 0, 3)
    assert found is not None and [lines[t].bare for t in found.titles] == [
        "子项改革“一窗通办”",
        "丑项改革“提前申报”",
        "寅项改革“信易贷”",
    ]


def test_a_rules_split_that_has_the_stated_count_stands() -> None:
    """Marked headings the rules read, with the count the head states: the repetition is not asked."""
    text = (
        BYLINES.replace("子项改革", "一、子项改革")
        .replace("丑项改革", "二、丑项改革")
        .replace("寅项改革", "三、寅项改革")
    )
    assert [c.title for c in split_cases(_document(text)).cases] == [
        "子项改革“一窗通办”",
        "丑项改革“提前申报”",
        "寅项改革“信易贷”",
    ]


def test_a_lead_reads_less_like_a_case_than_a_case_does() -> None:
    lead = "今年以来，各县对标先进地区改革经验，结合本地实际抓好复制推广，形成了一批可看可学的做法，供各地交流参考。"
    body = "甲海关复制国务院第五批改革试点经验，推行进口货物提前申报，通关时间压缩50%，今年验放货物3万吨。"
    assert case_likeness(lead) < 0.5 <= case_likeness(body)
    assert case_likeness("甲海关推行提前申报。") == 0.0  # too short to be a case


TRANSCRIPT = """会议录音转写稿
文件名称：推进会.m4a

发言人1　00:00:06
好，我们开始吧。今天请几家单位交流一下，一共是三个案例。

发言人2　00:01:15
好的，我是甲区商务局的。我们报的案例叫保税研发“白名单”监管。区商务局会同甲海关评定白名单，研发料件通关时间由48小时压缩到8小时。

发言人1　00:09:50
好，谢谢。下面请乙市。

发言人3　00:10:02
我是乙市政府办的。我们这个叫跨境电商“线下自提”，复制的是国务院第六批改革试点经验。乙海关设立自提点，今年线下自提订单31.6万单。

发言人1　00:17:31
好。丙县。

发言人4　00:17:40
我是丙县市场监管局的。我们的案例是紫砂产品“一物一码”溯源。县市场监管局推行一物一码，投诉量下降40%。

发言人1　00:26:12
好，三家都讲完了。
"""


def test_a_speakers_line_heads_its_turn_titled_by_the_reform_it_names() -> None:
    """Speaker lines (发言人N　time) hold only their mark: each reporting turn is a case titled by the reform its text
    names first; the chair's turns (a word between reports, the opening, the close) are none."""
    assert _titles(TRANSCRIPT) == ["保税研发“白名单”监管", "跨境电商“线下自提”", "紫砂产品“一物一码”溯源"]


INTERVIEW = """在线访谈实录
主持人：网友们好，今天请到市商务局的负责同志，聊一聊我市复制推广的三项做法。
嘉宾：好的，我们一共梳理了三项做法。
主持人：第一项是什么？
嘉宾：第一项叫 边民互市“落地加工”。县商务局牵头，甲海关实行集中申报，落地加工率由10%提高到35%。
主持人：第二项呢？
嘉宾：第二项是 口岸通关“车边验放”。甲海关联合边检站优化流程，通关时间由4小时压缩至1.5小时。
主持人：第三项？
嘉宾：第三项叫 涉企许可“一业一证”。县政务服务中心牵头，办理时限由20个工作日压减至5个工作日。
主持人：感谢嘉宾！
"""


def test_a_speakers_label_with_a_colon_is_no_field_of_a_form_but_its_turns_may_tell_cases() -> None:
    """主持人：/ 嘉宾： recur before their colon as a form's fields do: they head no case, but the guest's turns that
    each name a reform and tell who did what are the cases."""
    assert _titles(INTERVIEW) == ["边民互市“落地加工”", "口岸通关“车边验放”", "涉企许可“一业一证”"]


BRIEFING = """信息专报
第17期

我市几项复制推广举措落地见效

　　【编者按】今年以来，我市坚持能复制尽复制，现将有关情况报告如下。

　　一是“保税维修”监管模式落地。甲开发区管委会会同甲海关在综合保税区开展设备保税维修，已承接境外维修订单27单，返修周期由45天缩短至20天。
　　二是不动产登记“交房即交证”全面推开。乙区自然资源局联动税务部门，已惠及群众8600余户。
　　三是跨境人民币结算“首办即享”。丙市商务局对标长沙片区做法，今年办理结算业务2.3亿元。
　　四是企业开办“一网通办”。丁县行政审批局推行一网通办，开办时间由3天压缩至0.5天。
　　下一步，我们将持续跟踪评估。
"""


def test_the_first_paragraph_under_the_lead_is_a_case_like_the_others() -> None:
    """一是 follows a blank line under the lead, 二是 to 四是 do not: the split that holds all four wins over the one
    of the three that share their blank-line shape."""
    lines = text_lines(BRIEFING)
    found = repeated_split(lines, 0, None)
    assert found is not None
    assert [found.names[t] for t in found.titles] == [
        "“保税维修”监管",
        "不动产登记“交房即交证”全面推开",
        "跨境人民币结算“首办即享”",
        "企业开办“一网通办”",
    ]


SURVEY = """甲市物流协会
会员企业问卷调查分析报告

一、样本情况
参与调查的会员企业中，货运代理企业占41%，仓储企业占27%。

二、分项结果

Q5．您是否了解“退货中心仓”模式？
题目说明：该模式借鉴南沙新区片区经验，由甲海关推行。
企业反映：退货处理时间由30天缩短到7天。

Q6．您对“多式联运一次委托”服务是否满意？
题目说明：该服务源于第五批改革试点经验，甲市交通运输局推行。
企业反映：物流单证由6份减为1份，综合物流成本下降12%。

Q7．您是否享受过“冷链信用分类监管”带来的便利？
题目说明：甲市市场监督管理局参照宁波片区的做法推行。
企业反映：A类企业抽查频次下降一半以上，试点企业共52家。
"""


def test_a_latin_word_with_its_number_marks_each_case_and_the_question_is_its_title() -> None:
    """Q5．question？ lines: a mark (a Latin word and its number), a heading run in up to its question mark."""
    lines = text_lines(SURVEY)
    found = repeated_split(lines, 0, None)
    assert found is not None
    assert [found.names[t] for t in found.titles] == [
        "您是否了解“退货中心仓”模式",
        "您对“多式联运一次委托”服务是否满意",
        "您是否享受过“冷链信用分类监管”带来的便利",
    ]


REQUEST = """甲市人民政府关于推荐制度创新案例的请示
省改革办：
　　一、咖啡豆进口“保税仓储+二次加工”（报送单位：甲市兴隆华侨旅游经济区管理委员会）
　　兴隆侨区学习保税区片区经验，甲海关实行保税仓储，加工企业通关时间缩短50%，年加工量达1.2万吨。
　　二、热带农产品“田头仓”（报送单位：乙县人民政府）
　　乙县复制第七批改革试点经验，乙县农业农村局建设田头仓，农产品损耗率由15%降至5%。
　　三、海洋渔业船舶“多证合一”（报送单位：甲市海洋和渔业局（现为甲市海洋渔业局））
　　本项改革为我市首创。甲市海洋和渔业局会同甲海事局合并发证，办证时间由20天压缩至5天。
　　妥否，请批示。
"""


def test_ordinal_headings_short_or_run_in_with_a_bracket_are_one_family() -> None:
    """一、title（报送单位：X） headings, some short and some longer than a heading's length: one shape, the
    rules' own split found them or not; the repetition reads all three."""
    found = repeated_split(text_lines(REQUEST), 0, None)
    assert found is not None and len(found.titles) == 3


def test_cases_the_document_numbers_itself_stand_against_a_head_counting_otherwise() -> None:
    """案例一 to 案例四 under a head that says 3: the document's own numbering stands; the repetition is not taken."""
    body = "　　实行“一次申报、一次查验”，企业办理时间由5天压缩至1天，累计服务企业120家。"
    labels = [
        "推荐单位/报送单位：某市商务局",
        "报送单位（盖章）：某市商务局",
        "责任处室：某市商务局",
        "来源：某市商务局",
    ]
    text = "某省自贸试验区制度创新案例\n\n现将3个制度创新案例印发给你们。\n\n" + "\n".join(
        f"案例{'一二三四'[k]}：案例{k}“一码通”\n{label}\n{body}\n" for k, label in enumerate(labels)
    )
    assert [c.number for c in split_cases(_document(text)).cases] == [1, 2, 3, 4]


def test_a_number_field_heads_its_case_as_a_number_line_does() -> None:
    """案例编号：code over each title: one field with a distinct code each time, the title on the line under it."""
    cases = [("JJ-01", "长江船舶登记“一次办结”", "甲海事局"), ("JJ-02", "出口家具“分批出区”", "甲海关")]
    cases.append(("JJ-03", "不动产“带押过户”", "甲市自然资源局"))
    text = "甲市委党校\n专题教学案例汇编\n\n" + "\n".join(
        f"案例编号：{code}\n{title}\n\n【案例正文】{unit}推行改革，办理时间由5天压缩至1天，累计服务企业120家。\n"
        for code, title, unit in cases
    )
    found = repeated_split(text_lines(text), 0, 3)
    assert found is not None
    assert [found.names[t] for t in found.titles] == [title for _, title, _ in cases]


MARKED_HEADS = """甲報　2024年10月15日　星期二　A6　兩岸焦點

陸推自貿區經驗複製　甲市台商有感
數位貿易、通關、融資、用地　4改革同步上路

【記者 某某／綜合報導】大陸要求各地複製推廣自貿試驗區改革經驗，甲市今年已落地改革事項91項。

以下整理甲市近期4項與台商相關的改革。

【4項改革重點】

▲數位貿易「一站通」
甲市丁區借鏡上海自貿試驗區跨境數據流動做法，由區商務局建置數位貿易「一站通」平台，甲市市數據資源管理局開放企業資料介接。平台已服務企業逾2,300家，跨境電商出口額約人民幣185億元（約合新台幣820億元）。

▲台企「信用承諾」通關
甲市海關推出台資企業「信用承諾」通關，陸方並將其列入國務院第5批自貿試驗區改革試點經驗。海關與市台辦建立台企服務名單，台資企業進口貨物查驗率下降約40%，平均通關時間由36小時縮短至8小時。

▲乙供應鏈金融
乙區推出產業鏈供應鏈金融服務，陸方媒體稱為「全國首創」。區經信局彙整上下游訂單資料，甲市金融監管分局督導銀行依訂單授信。累計授信人民幣46億元（約合新台幣204億元），惠及台資等外資企業約120家。

▲丙「標準地+承諾制」
丙區複製浙江自貿試驗區寧波片區「標準地+承諾制」經驗，市規劃資源局丙分局在出讓前完成區域評估，區住建局對企業承諾事項實行事後核查。項目審批時間由110天壓縮至40天以內。

陸委會官員提醒，台商赴陸投資仍應留意相關法規風險，並依規定向主管機關申請許可。
"""


def test_a_heading_line_over_each_paragraph_titles_the_case_the_paragraph_tells() -> None:
    """▲title over each paragraph: the paragraphs read as a family of their own too (each opens with its unit and
    names its reform), but the line right over each is its heading, and the title is the heading's."""
    assert _titles(MARKED_HEADS) == [
        "數位貿易「一站通」",
        "台企「信用承諾」通關",
        "乙供應鏈金融",
        "丙「標準地+承諾制」",
    ]


KICKERS = """宁夏回族自治区复制推广自由贸易试验区改革试点经验白皮书
（2023年度）

宁夏回族自治区商务厅
2024年3月·银川

前　言
宁夏未设立自由贸易试验区，但始终把复制推广改革试点经验作为重要途径。本白皮书从各地报送的材料中选取4个实践样本予以展示。

一、总体情况
截至2023年底，全区累计复制推广改革试点经验200项。
表1-1　全区复制推广事项分领域统计（单位：项）
投资便利化　　　　　　　　60
贸易便利化　　　　　　　　50

二、主要举措
（一）健全工作机制。自治区商务厅会同有关部门建立联席会议制度。
（二）强化督导评估。将复制推广工作纳入年度考核。

三、实践样本

■银川经济技术开发区
进口设备“先放后检”
银川经济技术开发区学习借鉴上海自贸试验区经验，推行进口设备先放后检，企业通关时间缩短一半，全年受益企业40家。

■石嘴山市
危险货物“一站式”申报
石嘴山市复制推广国务院第三批改革试点经验，推行危险货物一站式申报，申报时间由2天压缩至4小时。

■自治区市场监管局
经营主体迁移“一网通办”
为方便经营主体跨区迁移，推行经营主体迁移一网通办，申请人一次提交材料，全年办理迁移登记3000件。

■吴忠市利通区
集体建设用地“入市一体化”
利通区学习借鉴四川自贸试验区成都天府新区片区经验，推行集体建设用地调查入市一体化，全年入市地块12宗。

四、下一步工作
继续深化复制推广。
"""


def test_a_kicker_naming_the_unit_over_each_title_line_opens_every_case() -> None:
    assert _titles(KICKERS) == [
        "进口设备“先放后检”",
        "危险货物“一站式”申报",
        "经营主体迁移“一网通办”",
        "集体建设用地“入市一体化”",
    ]


def test_a_kicker_naming_only_a_unit_or_a_place_is_no_title_of_its_own() -> None:
    assert _unit_only("银川经济技术开发区") and _unit_only("自治区市场监管局") and _unit_only("吴忠市利通区")
    assert not _unit_only("危险货物“一站式”申报") and not _unit_only("进口设备先放后检")
