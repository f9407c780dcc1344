//! Text keys of stakeholder scoring (class names, model rules, engagement
//! recommendations) with their English and Simplified Chinese text, so the
//! page, the report and the CLI say the same thing. Templates may contain
//! `{name}`-style parameters, filled by [`fill`].

use serde::{Deserialize, Serialize};

/// Language of the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Lang {
    /// English.
    #[default]
    En,
    /// Simplified Chinese.
    Zh,
}

/// (key, English, Chinese).
const TEXT: &[(&str, &str, &str)] = &[
    // levels, attitudes, roles
    ("level.low", "low", "低"),
    ("level.moderate", "moderate", "中"),
    ("level.high", "high", "高"),
    ("attitude.oppose", "oppose", "反对"),
    ("attitude.neutral", "neutral", "中立"),
    ("attitude.support", "support", "支持"),
    ("role.resistance", "resistance", "阻力"),
    ("role.neutral", "neutral", "中立者"),
    ("role.supporter", "supporter", "支持者"),
    ("role.driving_force", "driving force", "主要推动力量"),
    // PolicyMaker
    ("pm.position.high_opposition", "high opposition", "强烈反对"),
    (
        "pm.position.medium_opposition",
        "medium opposition",
        "中度反对",
    ),
    ("pm.position.low_opposition", "low opposition", "轻度反对"),
    ("pm.position.non_mobilized", "non-mobilized", "未动员"),
    ("pm.position.low_support", "low support", "轻度支持"),
    ("pm.position.medium_support", "medium support", "中度支持"),
    ("pm.position.high_support", "high support", "强烈支持"),
    ("pm.side.supporters", "supporters", "支持方"),
    ("pm.side.non_mobilized", "non-mobilized", "未动员方"),
    ("pm.side.opponents", "opponents", "反对方"),
    // Mendelow
    ("mendelow.manage_closely", "manage closely", "重点管理"),
    ("mendelow.keep_satisfied", "keep satisfied", "令其满意"),
    ("mendelow.keep_informed", "keep informed", "随时告知"),
    ("mendelow.monitor", "monitor", "监测"),
    // salience
    ("salience.dormant", "dormant", "蛰伏型"),
    ("salience.discretionary", "discretionary", "自主型"),
    ("salience.demanding", "demanding", "苛求型"),
    ("salience.dominant", "dominant", "支配型"),
    ("salience.dangerous", "dangerous", "危险型"),
    ("salience.dependent", "dependent", "依赖型"),
    ("salience.definitive", "definitive", "确定型"),
    ("salience.none", "none (not salient)", "无（非显著）"),
    // Schmeer
    ("schmeer.position.opponent", "opponent", "反对"),
    (
        "schmeer.position.moderate_opponent",
        "moderate opponent",
        "中度反对",
    ),
    ("schmeer.position.neutral", "neutral", "中立"),
    (
        "schmeer.position.moderate_supporter",
        "moderate supporter",
        "中度支持",
    ),
    ("schmeer.position.supporter", "supporter", "支持"),
    // results table columns
    ("col.stakeholder", "stakeholder", "利益相关者"),
    ("col.group", "group", "类别"),
    ("col.influence", "influence", "影响力"),
    ("col.attitude", "expected attitude", "预期态度"),
    ("col.role", "role", "角色"),
    (
        "col.pm_position",
        "PolicyMaker position",
        "PolicyMaker 立场",
    ),
    ("col.pm_power", "PolicyMaker power", "PolicyMaker 权力"),
    (
        "col.pm_contribution",
        "feasibility contribution",
        "可行性贡献",
    ),
    ("col.quadrant", "power–interest quadrant", "权力—利益象限"),
    ("col.salience", "salience class", "显著性类型"),
    ("col.schmeer_position", "Schmeer position", "Schmeer 立场"),
    (
        "col.schmeer_power",
        "Schmeer power index",
        "Schmeer 权力指数",
    ),
    ("col.schmeer_knowledge", "Schmeer knowledge", "Schmeer 知识"),
    ("col.schmeer_power_level", "Schmeer power", "Schmeer 权力"),
    (
        "col.schmeer_leadership",
        "Schmeer leadership",
        "Schmeer 领导力",
    ),
    ("answer.yes", "yes", "有"),
    ("answer.no", "no", "无"),
    ("col.score", "score", "得分"),
    ("col.rank", "rank", "排名"),
    (
        "col.recommendation",
        "engagement recommendation",
        "沟通与管理建议",
    ),
    // chart texts
    ("chart.grid.title", "Power–interest grid", "权力—利益矩阵"),
    (
        "chart.grid.size",
        "Bubble size: {dimension}",
        "气泡大小：{dimension}",
    ),
    ("chart.position.title", "Position map", "立场图"),
    ("chart.position.power", "Power", "权力"),
    ("chart.feasibility.title", "Feasibility", "政策可行性"),
    (
        "chart.feasibility.y",
        "|position| × power × weight",
        "|立场| × 权力 × 权重",
    ),
    (
        "chart.radar.title",
        "Stakeholder profiles",
        "利益相关者特征雷达图",
    ),
    (
        "chart.venn.title",
        "Stakeholder salience",
        "利益相关者显著性",
    ),
    (
        "chart.stability.title",
        "Sensitivity: stability of class and rank",
        "敏感性分析：类型与排名的稳定性",
    ),
    (
        "chart.stability.x",
        "share of random draws that keep it (%)",
        "保持不变的随机抽样比例（%）",
    ),
    ("chart.stability.class", "class kept", "类型不变"),
    (
        "chart.custom.title",
        "Custom model scores and ranks",
        "自定义模型得分与排名",
    ),
    (
        "chart.custom.x",
        "weighted score (0–100); rank in brackets",
        "加权得分（0–100），括号内为排名",
    ),
    ("chart.stability.rank", "rank kept", "排名不变"),
    ("salience.attr.power", "Power", "权力"),
    ("salience.attr.legitimacy", "Legitimacy", "合法性"),
    ("salience.attr.urgency", "Urgency", "紧迫性"),
    // model names
    (
        "model.four_dim",
        "Four-dimension model (interest, cognition, capability, resources)",
        "四维度模型（利益、认知、能力、资源）",
    ),
    (
        "model.policymaker",
        "PolicyMaker position and power",
        "PolicyMaker 立场与权力分析",
    ),
    (
        "model.mendelow",
        "Power–interest grid (Mendelow)",
        "权力—利益矩阵（Mendelow）",
    ),
    (
        "model.salience",
        "Stakeholder salience (Mitchell, Agle & Wood)",
        "利益相关者显著性（Mitchell、Agle 与 Wood）",
    ),
    (
        "model.schmeer",
        "Schmeer stakeholder analysis (WHO/PHR guidelines)",
        "Schmeer 利益相关者分析（WHO/PHR 指南）",
    ),
    ("model.custom", "Custom weighted score", "自定义加权评分"),
    // model rules
    (
        "rule.four_dim.levels",
        "Each rating is read as low, moderate or high: below the first third of its scale is low, from two thirds up is high (cut points editable).",
        "每项评分按其量表读作低、中、高：低于量表的三分之一为低，三分之二及以上为高（切点可修改）。",
    ),
    (
        "rule.four_dim.influence",
        "Influence comes from capability and resources (editable table: both high or one high and one moderate → high; the sum at most low + moderate → low).",
        "影响力由能力和资源决定（可编辑规则表：两者均高或一高一中 → 高；合计不超过低+中 → 低）。",
    ),
    (
        "rule.four_dim.attitude",
        "The expected attitude comes from interest (gain or risk) and cognition (editable table: clear gains → support; risks that are understood → oppose; risks not understood → neutral).",
        "预期态度由利益（获益或风险）和认知决定（可编辑规则表：明显获益 → 支持；认识到风险 → 反对；未认识到风险 → 中立）。",
    ),
    (
        "rule.four_dim.role",
        "The role comes from attitude and influence: a supporter with high influence is a driving force; supporters otherwise supporters; neutral stays neutral; opponents are resistance.",
        "角色由态度和影响力决定：影响力高的支持者为主要推动力量；其余支持者为支持者；中立者为中立；反对者为阻力。",
    ),
    (
        "rule.policymaker.bands",
        "Position runs from −7 (high opposition) to +7 (high support); |position| ≥ {position_high} is high, {position_medium} to below {position_high} medium, above 0 to below {position_medium} low; exactly 0 is non-mobilized. Power runs from 1 to 7: power ≥ {power_high} high, {power_medium} to below {power_high} medium, below {power_medium} low.",
        "立场取值 −7（强烈反对）至 +7（强烈支持）；|立场| ≥ {position_high} 为强，{position_medium} 至 {position_high}（不含）为中，0 至 {position_medium}（不含 0 和 {position_medium}）为轻；恰为 0 为未动员。权力取值 1 至 7：权力 ≥ {power_high} 为高，{power_medium} 至 {power_high}（不含）为中，低于 {power_medium} 为低。",
    ),
    (
        "rule.policymaker.feasibility",
        "Each player adds |position| × power × weight to the supporters' or opponents' index; non-mobilized players add {intensity} × power × weight to the non-mobilized index.",
        "每个参与者将 |立场| × 权力 × 权重 计入支持方或反对方指数；未动员者以强度 {intensity} × 权力 × 权重 计入未动员指数。",
    ),
    (
        "rule.policymaker.cuts_source",
        "The cut points above are settings (above this help). Their defaults — 5 and 3 for both |position| and power, and intensity 5 for non-mobilized players — are a convention that splits the 1–7 intensity into roughly equal thirds. PolicyMaker names the seven position bands and three power levels; these numbers are not taken from its documentation, so state the cut points you use.",
        "以上切点均为可调整的设置（见本说明上方）。默认值——|立场|和权力均为 5 和 3，未动员者强度为 5——是把 1–7 强度大致三等分的惯例。PolicyMaker 规定了七档立场和三级权力，但这些数值并非取自其文档，请在报告中注明所用切点。",
    ),
    (
        "rule.mendelow.quadrants",
        "Power and interest are high at or above their cut points (default: the scale midpoint): high power and interest → manage closely; high power only → keep satisfied; high interest only → keep informed; neither → monitor.",
        "权力和利益达到或超过切点（默认为量表中点）即为高：权力高且利益高 → 重点管理；仅权力高 → 令其满意；仅利益高 → 随时告知；均低 → 监测。",
    ),
    (
        "rule.salience.classes",
        "Power, legitimacy and urgency are possessed at or above their thresholds. One attribute: dormant (power), discretionary (legitimacy), demanding (urgency); two: dominant (power + legitimacy), dangerous (power + urgency), dependent (legitimacy + urgency); all three: definitive.",
        "权力、合法性和紧迫性达到或超过阈值即为具备。具备一项：蛰伏型（权力）、自主型（合法性）、苛求型（紧迫性）；两项：支配型（权力+合法性）、危险型（权力+紧迫性）、依赖型（合法性+紧迫性）；三项：确定型。",
    ),
    (
        "rule.schmeer.power",
        "Knowledge: 3 a lot, 2 some, 1 none (thirds of its scale). Position in five equal bands of its scale from opponent to supporter. Power index = (quantity of resources + ability to mobilize them) / 2, each on 1–3 (a rating on another scale is mapped linearly onto 1–3): ≥ 2.5 high, ≥ 1.5 medium, otherwise low. Leadership (willing to initiate or lead action) is a separate yes/no, not part of power: yes when the combined rating is at least the middle of its scale.",
        "知识：3 很多、2 一些、1 没有（按其量表三等分）。立场按其量表等分为从反对到支持五档。权力指数 =（资源数量 + 动员资源的能力）/ 2，各按 1–3 计（其他量表的评分线性换算到 1–3）：≥ 2.5 为高，≥ 1.5 为中，其余为低。领导力（是否愿意发起或领导行动）单独判断“有/无”，不计入权力：合并评分不低于其量表中点即为“有”。",
    ),
    (
        "rule.custom.score",
        "Score = 100 × Σ weight × normalised rating / Σ weight, each rating normalised to 0–1 on its scale (reversed where chosen); ranked from the highest score; ties share a rank.",
        "得分 = 100 × Σ 权重 × 标准化评分 / Σ 权重，每项评分按其量表标准化为 0–1（可选择反向）；按得分从高到低排序，并列者名次相同。",
    ),
    // references
    (
        "ref.four_dim",
        "Health-care alliance reform in Tianchang county, Anhui: stakeholder analysis of interest, cognition, capability and resources.",
        "安徽省天长市县域医共体改革利益相关者分析：利益、认知、能力与资源。",
    ),
    (
        "ref.policymaker",
        "Reich MR, Cooper DM. PolicyMaker: computer-assisted political analysis. 1996.",
        "Reich MR, Cooper DM. PolicyMaker：计算机辅助政治分析。1996。",
    ),
    (
        "ref.mendelow",
        "Mendelow A. Stakeholder mapping. Proceedings of the 2nd International Conference on Information Systems, 1991.",
        "Mendelow A. 利益相关者图谱。第二届国际信息系统会议论文集，1991。",
    ),
    (
        "ref.salience",
        "Mitchell RK, Agle BR, Wood DJ. Toward a theory of stakeholder identification and salience. Academy of Management Review 1997;22(4):853–886.",
        "Mitchell RK, Agle BR, Wood DJ. 利益相关者识别与显著性理论。Academy of Management Review 1997;22(4):853–886。",
    ),
    (
        "ref.schmeer",
        "Schmeer K. Guidelines for conducting a stakeholder analysis. Partnerships for Health Reform, Abt Associates, 1999.",
        "Schmeer K. 利益相关者分析指南。Partnerships for Health Reform, Abt Associates, 1999。",
    ),
    // recommendations
    (
        "rec.role.driving_force",
        "{name} is a driving force: give it a leading, coordinating role and keep its incentives aligned with the reform.",
        "{name}是改革的主要推动力量：赋予其牵头和统筹协调的角色，并保持其激励与改革方向一致。",
    ),
    (
        "rec.role.supporter",
        "{name} supports the reform: involve it in implementation and strengthen its capability and resources so that support becomes action.",
        "{name}支持改革：让其参与实施，并增强其能力和资源，使支持转化为行动。",
    ),
    (
        "rec.role.neutral",
        "{name} is neutral: explain the policy and its gains, and address its concerns before they turn into resistance.",
        "{name}持中立态度：解释政策及其收益，在其顾虑转化为阻力之前予以回应。",
    ),
    (
        "rec.role.resistance",
        "{name} may resist: negotiate, balance its losses through compensation or incentives, and monitor it closely.",
        "{name}可能形成阻力：加强协商，通过补偿或激励平衡其损失，并密切关注。",
    ),
    (
        "rec.mendelow.manage_closely",
        "{name}: key player — engage fully, consult on decisions and manage the relationship closely.",
        "{name}：关键参与者——充分参与，决策前征求意见，重点管理关系。",
    ),
    (
        "rec.mendelow.keep_satisfied",
        "{name}: powerful but less interested — keep satisfied, consult on issues in its area and avoid surprising it.",
        "{name}：权力大但关注度较低——令其满意，在其相关领域征求意见，避免出乎其意料。",
    ),
    (
        "rec.mendelow.keep_informed",
        "{name}: interested but less powerful — keep informed, and use it as an ally and a source of feedback.",
        "{name}：关注度高但权力较小——随时告知，将其作为盟友和反馈来源。",
    ),
    (
        "rec.mendelow.monitor",
        "{name}: low power and interest — monitor with minimum effort and watch for changes.",
        "{name}：权力和关注度均低——以最少投入进行监测，留意变化。",
    ),
    (
        "rec.salience.definitive",
        "{name} is a definitive stakeholder: give its claims immediate priority.",
        "{name}为确定型利益相关者：应优先、及时回应其诉求。",
    ),
    (
        "rec.salience.dominant",
        "{name} is dominant: keep formal channels with it and take its claims seriously.",
        "{name}为支配型：与其保持正式沟通渠道，认真对待其诉求。",
    ),
    (
        "rec.salience.dangerous",
        "{name} is dangerous (power and urgency without legitimacy): anticipate coercive action and open dialogue early.",
        "{name}为危险型（有权力和紧迫性但缺乏合法性）：预判其可能的强制行动，尽早开展对话。",
    ),
    (
        "rec.salience.dependent",
        "{name} is dependent: its claims are legitimate and urgent but it lacks power — consider advocates who can act for it.",
        "{name}为依赖型：其诉求合法且紧迫但缺乏权力——考虑由能代表其行动的倡导者支持。",
    ),
    (
        "rec.salience.dormant",
        "{name} is dormant: it has power but no pressing claim — monitor it, as urgency could make it dangerous or definitive.",
        "{name}为蛰伏型：有权力但尚无迫切诉求——加以监测，紧迫性上升可能使其成为危险型或确定型。",
    ),
    (
        "rec.salience.discretionary",
        "{name} is discretionary: legitimate but without power or urgency — engage voluntarily, e.g. through social responsibility.",
        "{name}为自主型：合法但无权力和紧迫性——可主动、自愿地与其互动。",
    ),
    (
        "rec.salience.demanding",
        "{name} is demanding: urgent but without power or legitimacy — acknowledge it and watch for alliances.",
        "{name}为苛求型：紧迫但无权力和合法性——予以回应，并关注其结盟动向。",
    ),
    (
        "rec.salience.none",
        "{name} currently has no salience attribute: no specific engagement needed; review later.",
        "{name}目前不具备显著性属性：暂无需专门沟通，之后再评估。",
    ),
    (
        "rec.pm.side.supporters",
        "{name} supports the policy: mobilize it and build a coalition.",
        "{name}支持该政策：动员其参与并建立联盟。",
    ),
    (
        "rec.pm.side.non_mobilized",
        "{name} is not mobilized: inform and mobilize it towards support.",
        "{name}尚未动员：向其宣传并争取其支持。",
    ),
    (
        "rec.pm.side.opponents",
        "{name} opposes the policy: negotiate, change the policy's consequences for it, or reduce its power over the decision.",
        "{name}反对该政策：开展协商，调整政策对其的影响，或减少其对决策的影响力。",
    ),
];

/// The text of `key` in `lang`, or `None` for an unknown key.
///
/// # Example
/// ```
/// use policylens::analysis::stakeholder::{text, Lang};
/// assert_eq!(text("mendelow.monitor", Lang::Zh), Some("监测"));
/// ```
pub fn text(key: &str, lang: Lang) -> Option<&'static str> {
    TEXT.iter()
        .find(|(k, _, _)| *k == key)
        .map(|(_, en, zh)| match lang {
            Lang::En => *en,
            Lang::Zh => *zh,
        })
}

/// The static form of `key`, if it exists (to keep keys as `&'static str`).
pub fn static_key(key: &str) -> Option<&'static str> {
    TEXT.iter().find(|(k, _, _)| *k == key).map(|(k, _, _)| *k)
}

/// Every key, in table order (for completeness checks in the app's i18n).
pub fn keys() -> impl Iterator<Item = &'static str> {
    TEXT.iter().map(|(k, _, _)| *k)
}

/// Replaces each `{param}` in `template` by its value.
pub fn fill(template: &str, params: &[(String, String)]) -> String {
    params.iter().fold(template.to_string(), |acc, (k, v)| {
        acc.replace(&format!("{{{k}}}"), v)
    })
}

/// The stakeholder models PolicyLens ships.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ModelKind {
    /// Interest, cognition, capability, resources.
    FourDimension,
    /// Reich & Cooper.
    PolicyMaker,
    /// Power–interest grid.
    Mendelow,
    /// Mitchell, Agle & Wood.
    Salience,
    /// Schmeer.
    Schmeer,
    /// User-defined weights.
    Custom,
}

/// What the page's help shows for a model: text keys of its name, its
/// rules (in order) and its references.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ModelDescription {
    /// Key of the model's name.
    pub name: &'static str,
    /// Keys of the rule texts.
    pub rules: Vec<&'static str>,
    /// Keys of the references.
    pub references: Vec<&'static str>,
}

/// The description of a model (all keys exist in [`text`]).
pub fn describe(kind: ModelKind) -> ModelDescription {
    let (name, rules, references): (&'static str, Vec<&'static str>, Vec<&'static str>) = match kind
    {
        ModelKind::FourDimension => (
            "model.four_dim",
            vec![
                "rule.four_dim.levels",
                "rule.four_dim.influence",
                "rule.four_dim.attitude",
                "rule.four_dim.role",
            ],
            vec!["ref.four_dim"],
        ),
        ModelKind::PolicyMaker => (
            "model.policymaker",
            vec![
                "rule.policymaker.bands",
                "rule.policymaker.feasibility",
                "rule.policymaker.cuts_source",
            ],
            vec!["ref.policymaker"],
        ),
        ModelKind::Mendelow => (
            "model.mendelow",
            vec!["rule.mendelow.quadrants"],
            vec!["ref.mendelow"],
        ),
        ModelKind::Salience => (
            "model.salience",
            vec!["rule.salience.classes"],
            vec!["ref.salience"],
        ),
        ModelKind::Schmeer => (
            "model.schmeer",
            vec!["rule.schmeer.power"],
            vec!["ref.schmeer"],
        ),
        ModelKind::Custom => ("model.custom", vec!["rule.custom.score"], vec![]),
    };
    ModelDescription {
        name,
        rules,
        references,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_is_unique_and_has_both_languages() {
        let keys: Vec<&str> = keys().collect();
        for (i, k) in keys.iter().enumerate() {
            assert!(!keys[..i].contains(k), "duplicate key {k}");
            assert!(text(k, Lang::En).is_some_and(|t| !t.is_empty()));
            assert!(text(k, Lang::Zh).is_some_and(|t| !t.is_empty()));
        }
    }

    #[test]
    fn every_description_key_exists() {
        for kind in [
            ModelKind::FourDimension,
            ModelKind::PolicyMaker,
            ModelKind::Mendelow,
            ModelKind::Salience,
            ModelKind::Schmeer,
            ModelKind::Custom,
        ] {
            let d = describe(kind);
            for k in std::iter::once(d.name).chain(d.rules).chain(d.references) {
                assert!(text(k, Lang::En).is_some(), "missing {k}");
            }
        }
    }

    #[test]
    fn templates_are_filled() {
        let t = text("rec.mendelow.monitor", Lang::Zh).unwrap_or("");
        let s = fill(t, &[("name".into(), "患者".into())]);
        assert!(s.starts_with("患者："));
    }
}
