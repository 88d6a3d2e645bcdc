//! Golden tests for the breadth of CAMEO in Arabic: one sentence (or a few) per pattern group of
//! `lexicons/ar/verbs.toml` and per kind of actor in `lexicons/ar/actors.tsv`, each asserting the
//! code, the source and the target. The sentences were written for these tests.

mod common;

use common::article as article_in;
use khabar_coder::{code_sentences, Options};
use khabar_core::Article;

fn article(text: &str) -> Article {
    article_in("ar", "2015-08-04", text)
}

/// (cameo, source code, target code) of every event coded from one sentence.
fn coded(text: &str) -> Vec<(String, String, String)> {
    coded_in(text, "2015-08-04")
}

/// … of a story published on `date`.
fn coded_in(text: &str, date: &str) -> Vec<(String, String, String)> {
    common::triples(&article_in("ar", date, text))
}

#[track_caller]
fn has(text: &str, cameo: &str, source: &str, target: &str) {
    let got = coded(text);
    assert!(got.iter().any(|(c, s, t)| c == cameo && s == source && t == target), "{text}\n  want ({cameo}, {source}, {target})\n  got  {got:?}");
}

#[track_caller]
fn none_of_root(text: &str, root: &str) {
    let got = coded(text);
    assert!(!got.iter().any(|(c, _, _)| c.starts_with(root)), "{text}: no {root} event wanted, got {got:?}");
}

// ---- actors

#[test]
fn the_saudi_led_coalition_is_the_saudi_military() {
    has("قصفت طائرات التحالف العربي أمس مواقع الحوثيين في صعدة.", "195", "SAUMIL", "YEMREBHTH");
    has("وشنت قوات التحالف أمس غارات على معسكر للحوثيين.", "195", "SAUMIL", "YEMREBHTH");
}

#[test]
fn a_coalition_of_another_year_keeps_the_plain_forces() {
    // 2007: the coalition in Iraq is not the Saudi-led one
    let got = coded_in("وقصفت طائرات التحالف أمس مواقع لتنظيم القاعدة في ديالى.", "2007-05-02");
    assert!(got.iter().any(|(c, s, _)| c == "195" && s == "MIL"), "{got:?}");
    assert!(!got.iter().any(|(_, s, _)| s.starts_with("SAU")), "{got:?}");
}

#[test]
fn missions_and_envoys_are_their_organisation() {
    has("نفت بعثة الاتحاد الإفريقي الاتهامات التي وجهها لها نواب صوماليون.", "016", "IGOAFRAFU", "");
    has("وندد المبعوث الأممي أمس بالهجوم على المدنيين.", "111", "IGOUNO", "CVL");
}

#[test]
fn saudi_titles_name_the_office() {
    has("واستقبل خادم الحرمين الشريفين أمس رئيس الوزراء الباكستاني.", "043", "SAUGOV", "PAKGOV");
    has("والتقى ولي ولي العهد أمس وزير الدفاع الأمريكي.", "040", "SAUGOV", "USAGOVMIL");
}

#[test]
fn jihadist_groups_and_branches_are_img() {
    has("خطفت جبهة النصرة أمس ثلاثة جنود لبنانيين قرب عرسال.", "181", "IMGMUSALQ", "LBNMIL");
    has("وأعلنت حركة الشباب مسؤوليتها عن الهجوم على قافلة للجيش الكيني أمس.", "015", "IMGMUSALQ", "KENMIL");
    has("وهاجم مسلحو تنظيم القاعدة في جزيرة العرب أمس نقطة للجيش اليمني.", "180", "IMGMUSALQ", "YEMMIL");
}

#[test]
fn the_saleh_forces_are_yemeni_rebels() {
    has("واشتبكت المقاومة الشعبية أمس مع قوات صالح في تعز.", "193", "YEMMIL", "YEMREB");
}

// ---- 01 statements: denial and claims

#[test]
fn a_denial_of_accusations_is_016_and_a_bare_denial_negates() {
    has("نفت وزارة الدفاع الأردنية الاتهامات التي وجهتها لها منظمة حقوقية.", "016", "JORGOVMIL", "");
    // "نفى أن يكون قد قصف": the denied act is negated, and no 016 without an object
    let got = coded("ونفى الجيش الروسي أن يكون قد قصف المستشفى أمس.");
    assert!(got.is_empty(), "{got:?}");
}

#[test]
fn claiming_responsibility_is_015() {
    has("أعلنت جماعة أبو سياف مسؤوليتها عن خطف سائحين ماليزيين أمس.", "015", "PHLREB", "MYS");
}

// ---- 10 demands

#[test]
fn demanding_a_release_is_1053() {
    has("طالبت الحكومة اللبنانية جبهة النصرة بالإفراج عن الجنود المخطوفين.", "1053", "LBNGOV", "IMGMUSALQ");
}

// ---- 11 disapprove

#[test]
fn condemnation_with_or_without_hamza() {
    has("ودانت الجامعة العربية الهجوم على السفارة السعودية.", "111", "IGOARBALL", "SAUGOV");
    has("أدانت الحكومة الأردنية أمس إعدام الطيار.", "111", "JORGOV", "");
}

#[test]
fn criticism_levelled_and_blame_held() {
    has("وجه الرئيس التركي انتقادات حادة إلى الاتحاد الأوروبي.", "111", "TURGOV", "IGOEUREEC");
    has("وحمل أهالي القرية الجيش النيجيري المسؤولية عن مقتل ذويهم.", "112", "CVL", "NGAMIL");
}

#[test]
fn summoning_an_envoy_is_a_formal_complaint_and_a_protest_note_too() {
    has("استدعت الكويت السفير الإيراني لديها أمس.", "114", "KWT", "IRNGOV");
    has("واستدعت وزارة الخارجية المصرية أمس السفير التركي في القاهرة.", "114", "EGYGOV", "TURGOV");
    has("قدمت قطر مذكرة احتجاج إلى مجلس الأمن.", "114", "QAT", "IGOUNO");
    // a protest note is not a street protest
    none_of_root("قدمت قطر مذكرة احتجاج إلى مجلس الأمن.", "14");
}

// ---- 13 threats

#[test]
fn threats_of_force_and_of_sanctions() {
    has("هدد تنظيم داعش بإعدام رهينة ياباني.", "138", "IMGMUSISI", "JPN");
    has("ولوح الاتحاد الأوروبي بعقوبات جديدة على روسيا.", "1312", "IGOEUREEC", "RUS");
}

// ---- 15 force posture

#[test]
fn alerts_and_deployments() {
    // (an alert at home falls on the state's own country: the pattern is `domestic`)
    has("رفعت الشرطة التونسية حالة التأهب القصوى أمس في العاصمة.", "151", "TUNCOP", "TUN");
    has("نشرت الشرطة الفرنسية تعزيزات كبيرة في شوارع باريس أمس.", "153", "FRACOP", "FRAGOV");
    // spreading pictures is not deploying forces
    none_of_root("نشرت الشرطة الفرنسية صورا للمشتبه به أمس.", "15");
}

// ---- 16 reduce relations

#[test]
fn recalling_ones_own_ambassador_is_161() {
    has("استدعت البحرين سفيرها من بغداد أمس للتشاور.", "161", "BHR", "IRQGOV");
    // and is not a withdrawal of forces
    none_of_root("سحبت البحرين سفيرها من بغداد أمس.", "08");
}

#[test]
fn stopping_aid_is_162() {
    has("أوقفت الولايات المتحدة مساعداتها العسكرية لمصر.", "162", "USA", "EGY");
}

// ---- 07 aid, 08 yield

#[test]
fn delivering_weapons_is_military_aid() {
    has("سلمت روسيا العراق أمس عشر مروحيات قتالية.", "072", "RUS", "IRQ");
    // surrendering one's own weapons is not aid
    none_of_root("وسلم المسلحون أسلحتهم إلى الجيش أمس.", "07");
}

#[test]
fn truce_declared_violated_or_only_mentioned() {
    has("أعلن الجيش الأوكراني والانفصاليون هدنة لمدة أسبوع أمس.", "0871", "UKRMIL", "UKR");
    has("انتهكت القوات الروسية وقف إطلاق النار في شرق أوكرانيا أمس.", "196", "RUSMIL", "UKR");
    // a truce named in passing declares nothing
    none_of_root("وتحدث الوزير المصري عن الهدنة الإنسانية في اليمن.", "08");
}

#[test]
fn releasing_prisoners_is_0841() {
    has("أفرجت السلطات المصرية أمس عن مئة معتقل.", "0841", "EGYGOV", "EGY");
}

// ---- 09 investigate

#[test]
fn questioning_a_suspect_is_an_investigation_but_achieving_is_not() {
    has("حقق الادعاء التونسي مع ثلاثة مشتبه بهم أمس.", "090", "TUNJUD", "");
    none_of_root("حقق المنتخب المغربي فوزا كبيرا مع بداية البطولة.", "09");
}

// ---- 17 coerce, 18 assault, 19 fight

#[test]
fn arrests_abductions_assassinations() {
    has("اعتقلت الشرطة التركية أمس عشرة أشخاص يشتبه بانتمائهم لتنظيم داعش.", "173", "TURCOP", "IMGMUSISI");
    has("اغتال مسلحون أمس قاضيا عراقيا في بغداد.", "186", "UAF", "IRQJUD");
}

#[test]
fn a_suicide_bomber_blowing_himself_up_is_1831() {
    has("فجر انتحاري نفسه أمس في مسجد بمدينة القطيف.", "1831", "UAF", "");
    has("ووقع تفجير انتحاري أمس في سوق شعبية.", "1831", "UAF", "");
}

#[test]
fn bombing_from_the_air_is_195_and_shelling_194() {
    has("شنت الطائرات الإسرائيلية أمس غارات جوية على مواقع لحركة حماس في غزة.", "195", "ISR", "PSEREBHAM");
    has("وقصفت مقاتلات روسية أمس مواقع للمعارضة السورية.", "195", "RUSMIL", "SYROPP");
    has("وقصفت المدفعية التركية أمس مواقع لحزب العمال الكردستاني.", "194", "TURMIL", "TURREBPKK");
}

#[test]
fn taking_control_of_a_town_but_not_of_a_fire() {
    has("وسيطرت قوات البيشمركة أمس على بلدة سنجار بعد معارك مع تنظيم داعش.", "192", "IRQMIL", "");
    none_of_root("وسيطرت فرق الدفاع المدني أمس على الحريق في المصنع.", "19");
}

// ---- places

#[test]
fn a_place_noun_before_a_name_is_the_word_city() {
    let ev = code_sentences(&article("وقتل ثلاثة أشخاص أمس في انفجار سيارة مفخخة في مدينة أبها جنوب السعودية."), &Options::default()).events;
    let loc = ev.first().and_then(|e| e.location.as_ref()).expect("a located event");
    assert_eq!((loc.name.as_str(), loc.country.as_deref()), ("Abha", Some("SAU")), "{ev:?}");
    let ev = code_sentences(&article("وقتل خمسة مدنيين أمس في قصف على بلدة سراقب في ريف إدلب."), &Options::default()).events;
    let loc = ev.first().and_then(|e| e.location.as_ref()).expect("a located event");
    assert_eq!(loc.name, "Saraqib", "{ev:?}");
}

// ---- 02 appeals, 03 intents, 05 diplomatic cooperation

#[test]
fn appealing_for_a_release_is_0253() {
    has("وناشدت والدة الصحفي الأمريكي تنظيم داعش إطلاق سراح ابنها.", "0253", "USAMED", "IMGMUSISI");
}

#[test]
fn invitations_made_and_accepted_are_036() {
    has("ودعا الرئيس الفرنسي روحاني لزيارة باريس.", "036", "FRAGOV", "IRNGOV");
    has("وقبلت الحكومة الأردنية دعوة لزيارة أنقرة.", "036", "JORGOV", "TURGOV");
    // a call to the streets is an appeal, not an invitation
    let got = coded("ودعا حزب المعارضة المواطنين للتظاهر أمام البرلمان.");
    assert!(got.iter().all(|(c, _, _)| c != "036"), "{got:?}");
}

#[test]
fn endorsing_a_decision_and_solidarity_are_051() {
    has("وصادق البرلمان الأردني على الاتفاقية مع مصر.", "051", "JORLEG", "EGY");
    has("وأكدت الحكومة الكويتية تضامنها مع المملكة المغربية.", "051", "KWTGOV", "MAR");
    // the ministry of social solidarity is no solidarity with anyone
    let got = coded("وقالت وزارة التضامن الاجتماعي المصرية إنها وزعت المساعدات مع الهلال الأحمر.");
    assert!(got.iter().all(|(c, _, _)| c != "051"), "{got:?}");
}

// ---- 06 material cooperation

#[test]
fn handing_over_a_suspect_is_judicial_cooperation() {
    // (the target is the authorities the person goes to, not the person)
    has("وسلمت تركيا المتهم الفرنسي إلى السلطات الفرنسية أمس.", "063", "TUR", "FRAGOV");
}

// ---- 11 disapprove: courts

#[test]
fn a_court_convicts_and_sentences() {
    has("وأدانت محكمة تونسية المتهمين أمس.", "116", "TUNJUD", "");
    has("وأصدرت محكمة مصرية أمس حكما بإعدام قيادي في جماعة الإخوان.", "116", "EGYJUD", "IMGMUSMBR");
    // a government's أدان is a condemnation
    has("وأدانت الحكومة التونسية الهجوم على المتحف.", "111", "TUNGOV", "");
}

#[test]
fn reservations_about_a_statement_are_disapproval() {
    has("وتحفظت الجزائر على بيان الجامعة العربية.", "110", "DZA", "IGOARBALL");
}

// ---- 19 fight

#[test]
fn a_blockade_or_cordon_is_191_not_sanctions() {
    has("وفرضت القوات الإسرائيلية أمس طوقا أمنيا على مدينة الخليل.", "191", "ISRMIL", "");
    none_of_root("وفرضت القوات الإسرائيلية أمس طوقا أمنيا على مدينة الخليل.", "16");
}

// ---- 15 and 17: emergencies, curfews, forces sent in

#[test]
fn states_of_emergency_curfews_and_alerts() {
    has("وأعلنت الحكومة المصرية أمس حالة الطوارئ في شمال سيناء.", "1724", "EGYGOV", "EGY");
    has("وفرضت السلطات العراقية أمس حظر التجول في مدينة كركوك.", "1723", "IRQGOV", "IRQ");
    has("ودفع الجيش اللبناني أمس بتعزيزات إلى بلدة عرسال.", "153", "LBNMIL", "");
    // "دفع X إلى" is "prompted X to"
    none_of_root("ودفعت الأزمة الحكومة الأردنية إلى خفض الإنفاق.", "15");
}

#[test]
fn holding_back_a_crowd_is_not_taking_a_town() {
    none_of_root("وسيطر مئات من رجال الشرطة أمس على المتظاهرين أمام البرلمان.", "19");
    none_of_root("وسيطر مائة شرطي على ثلاثين من المتظاهرين أمام المطار أمس.", "19");
}

// ---- "أعرب عن …": the attitude expressed is the event

#[test]
fn an_expressed_attitude_is_coded_by_what_is_expressed() {
    has("وأعرب الرئيس اللبناني عن استيائه من تصريحات السفير الأمريكي.", "110", "LBNGOV", "USAGOV");
    has("وأعربت الحكومة المغربية عن إدانتها للهجوم على السفارة الفرنسية.", "111", "MARGOV", "FRAGOV");
    has("وأعرب وزير الخارجية الأردني عن تأييده للمبادرة المصرية.", "051", "JORGOV", "EGY");
}

// ---- 03 proposals, 05 apologies

#[test]
fn proposing_talks_and_apologising() {
    has("واقترحت روسيا على تركيا عقد اجتماع لوزيري الخارجية.", "036", "RUS", "TUR");
    has("وقدمت الحكومة اليابانية اعتذارا رسميا لكوريا الجنوبية.", "055", "JPNGOV", "KOR");
}

// ---- 15, 17, 19: more police, detentions and raids, attacks stepped up

#[test]
fn more_police_detentions_raids_and_stepped_up_attacks() {
    has("وزادت السلطات البلجيكية عدد أفراد الشرطة في محطات القطار.", "153", "BELGOV", "BEL");
    // fears going up are not police
    none_of_root("وزادت المخاوف الأمنية في العاصمة الباكستانية أمس.", "15");
    has("وأوقفت الشرطة الجزائرية أمس ثلاثة أشخاص يشتبه في تورطهم بالتفجير.", "173", "DZACOP", "DZA");
    // أوقف with no person after it is "stopped"
    none_of_root("وأوقفت الحكومة الجزائرية العمل بالمشروع.", "17");
    has("واقتحمت الشرطة الإسرائيلية أمس منزل ناشط فلسطيني في الخليل.", "170", "ISRCOP", "PSECVL");
    has("وكثفت القوات العراقية أمس هجماتها على مواقع تنظيم داعش.", "190", "IRQMIL", "IMGMUSISI");
}

#[test]
fn a_verb_form_after_includes_is_a_noun() {
    // "تشمل قتل": charges that include killing, not a killing reported
    none_of_root("ووجهت النيابة المصرية أمس للمتهمين تهما تشمل قتل متظاهرين.", "18");
}

// ---- 07 aid by kind

#[test]
fn aid_is_coded_by_its_kind() {
    has("وقدمت السعودية أمس مساعدات إنسانية لليمن.", "073", "SAU", "YEM");
    has("وسيرت الإمارات قافلة إغاثة إلى مدينة تعز أمس.", "073", "ARE", "");
    has("وأرسلت تركيا مساعدات عسكرية للجيش العراقي.", "072", "TUR", "IRQMIL");
    // reinforcements sent are a deployment, not aid
    let got = coded("وأرسلت تركيا تعزيزات عسكرية إلى الحدود.");
    assert!(got.iter().all(|(c, _, _)| !c.starts_with("07")), "{got:?}");
}

#[test]
fn mission_acronyms_in_latin_script() {
    has("وقالت قوة حفظ السلام الأفريقية (AMISOM) إنها نفت الاتهامات بقتل مدنيين.", "016", "IGOAFRAFU", "");
}

#[test]
fn the_air_base_is_not_al_qaeda() {
    let got = coded("وشنت مقاتلات التحالف أمس غارات على القاعدة الجوية في لحج.");
    assert!(!got.iter().any(|(_, s, t)| s.starts_with("IMG") || t.starts_with("IMG")), "{got:?}");
    has("وشنت مقاتلات التحالف أمس غارات على القاعدة الجوية في لحج.", "195", "SAUMIL", "MIL");
}

#[test]
fn investigations_opened_and_suspects_questioned() {
    has("وفتحت النيابة العامة الفرنسية تحقيقا في الهجوم أمس.", "090", "FRAJUD", "");
    has("واستجوبت الشرطة البريطانية أمس ثلاثة مشتبه بهم.", "090", "GBRCOP", "");
}

#[test]
fn more_forms_of_invitations_rejections_and_sentences() {
    has("وقال المتحدث إن الرئيس التونسي قبل دعوة لزيارة الجزائر.", "036", "TUNGOV", "DZA");
    has("وأعربت الحكومة العراقية عن رفضها للتدخل التركي.", "120", "IRQGOV", "TUR");
    has("وقضت محكمة كويتية أمس بسجن نائب سابق.", "116", "KWTJUD", "");
    has("وحكمت محكمة أردنية أمس على متهمين بالسجن عشر سنوات.", "116", "JORJUD", "");
}

#[test]
fn a_clause_that_opens_with_its_actor_is_svo() {
    // headlines are written subject first: the actor after the verb is its object
    has("الأردن يستقبل وزير الخارجية العماني", "043", "JOR", "OMNGOV");
    has("مصر تدين الهجوم الإسرائيلي على غزة", "111", "EGY", "ISR");
}

#[test]
fn tribes_are_people_of_their_place() {
    // «قبيلتي» (the dual construct of قبيلة) is an actor: the two tribes signed
    let got = coded("وقعت كل من قبيلتي الزيادنة والمغاربة الليبيتين في مدينة سرت اتفاقا للصلح");
    assert!(got.iter().any(|(c, s, _)| c == "057" && s == "CVL"), "{got:?}");
}

#[test]
fn an_arabic_role_with_its_town_as_genitive_is_of_the_towns_country() {
    let got = coded("اعتقلت شرطة البصرة خمسة مسلحين أمس");
    assert!(got.iter().any(|(c, s, _)| c == "173" && s == "IRQCOP"), "{got:?}");
}

#[test]
fn catching_people_is_an_arrest_and_seizing_goods_is_not() {
    has("الكويت تضبط خلية إرهابية", "173", "KWT", "");
    // (a verb of accomplishing governs the verbal noun, its subject between: تمكنت الشرطة من ضبط)
    has("وتمكنت الشرطة الأردنية من ضبط ثلاثة متهمين بالسرقة.", "173", "JORCOP", "JOR");
    none_of_root("وضبطت الشرطة الأردنية كمية من المخدرات في عمان.", "17");
}

#[test]
fn a_name_in_quotes_still_opens_its_clause() {
    // the closing quote after «داعش» is the name's own, not a break between subject and verb
    has("«داعش» اختطف عشرات المدنيين في دير الزور", "181", "IMGMUSISI", "CVL");
}

#[test]
fn a_verb_joined_by_wa_shares_the_clause_opening_subject() {
    has("روسيا نفذت عملية في القوقاز وقتلت ثمانية من داعش", "180", "RUS", "IMGMUSISI");
    // …but not past another actor that opens the second clause's own subject
    let got = coded("روسيا نفذت عملية في القوقاز وقتل الجيش السوري ثمانية من داعش");
    assert!(!got.iter().any(|(c, s, _)| c == "180" && s == "RUS"), "{got:?}");
}

#[test]
fn handing_over_a_suspect_is_cooperation_with_the_receiving_state() {
    // the person handed over is no party: the authorities it goes to are
    has("وسلمت السلطات التركية المتهم إلى الحكومة العراقية أمس.", "063", "TURGOV", "IRQGOV");
    // received from: the one who handed over is the source
    has("وتسلمت وزارة الداخلية الأردنية المطلوب من السلطات اللبنانية أمس.", "063", "LBNGOV", "JORGOV");
}

#[test]
fn the_kurdistan_region_is_iraq_and_a_national_security_council_is_no_un_body() {
    has("وأعربت حكومة إقليم كردستان أمس عن رفضها للقرار التركي.", "120", "IRQGOV", "TUR");
    // (declared: «أعلن» names the attitude as «أعرب» does)
    has("وأعلنت حكومة إقليم كردستان أمس رفضها للقرار التركي.", "120", "IRQGOV", "TUR");
    let got = coded("واجتمع مجلس الأمن الوطني الأردني أمس مع وفد مصري.");
    assert!(!got.iter().any(|(_, s, t)| s.starts_with("IGO") || t.starts_with("IGO")), "{got:?}");
}

#[test]
fn present_tense_violence_of_the_recent_period_is_an_ongoing_campaign() {
    has("وتشن تركيا في الأسابيع الأخيرة غارات جوية على مواقع حزب العمال الكردستاني.", "195", "TUR", "TURREBPKK");
    // a word of habit keeps it a habit
    none_of_root("ويقصف الجيش في الأسابيع الأخيرة كل يوم مواقع المسلحين.", "19");
}

#[test]
fn a_fierce_attack_on_a_person_is_one_of_words() {
    has("وشن الرئيس السوداني هجوما شديدا على الرئيس الأميركي بسبب تصريحاته.", "111", "SDNGOV", "USAGOV");
    // …and one on positions is of arms
    none_of_root("وشن الجيش السوداني هجوما شديدا على مواقع المتمردين في دارفور.", "11");
}

#[test]
fn a_definite_role_named_again_is_the_one_named_before() {
    let a = khabar_core::Article {
        doc_id: "t".into(),
        lang: Some("ar".into()),
        published: Some("2015-08-04".into()),
        title: Some("الجيش اللبناني يعتقل مسلحين في عرسال".into()),
        paragraphs: vec!["اعتقل الجيش اللبناني أمس خمسة مسلحين في عرسال. وقال مصدر سوري إن الجيش اعتقل مسلحين آخرين قرب الحدود مع سوريا.".into()],
        text: String::new(),
        ..Default::default()
    };
    let got = common::triples(&a);
    assert!(got.iter().any(|(c, s, _)| c == "173" && s == "LBNMIL"), "{got:?}");
    assert!(!got.iter().any(|(_, s, _)| s == "SYRMIL"), "«الجيش» is the Lebanese army named before: {got:?}");
}

#[test]
fn a_states_forces_killing_use_conventional_force() {
    // CAMEO: the violence of a state's forces is root 19, that of armed groups root 18
    has("وقتلت القوات العراقية أمس خمسة مسلحين في الرمادي.", "190", "IRQMIL", "UAF");
    let got = coded("وقتل مسلحون أمس خمسة جنود عراقيين في الرمادي.");
    assert!(got.iter().any(|(c, _, _)| c == "180"), "{got:?}");
}

#[test]
fn a_killing_in_air_strikes_is_the_air_strike() {
    // the verb's generic code (killed: 190) gives way to the noun that names the act (195)
    // (the 19 killed, a bare count, are civilians: the document stage gives them Syria)
    has("وقتل 19 شخصا في غارات جوية نفذها الطيران السوري على مناطق في محافظة إدلب أمس.", "195", "SYRMIL", "CVL");
    // with no one counted, the strikes fall on the place
    has("وشن الطيران السوري غارات جوية على مناطق في محافظة إدلب أمس.", "195", "SYRMIL", "SYR");
}

#[test]
fn strikes_whose_doer_a_relative_clause_names_are_reported_and_fall_on_the_country_named() {
    // the definite noun is no back-reference when «التي يشنها X» names its doer; "في شمال
    // العراق" puts the force on Iraq; the civilians "في الغارات" are its victims, not its source
    has("وطالبت الحكومة بتفادي وقوع ضحايا مدنيين في الغارات التي يشنها الجيش التركي ضد معاقل الحزب في شمال العراق.", "195", "TURMIL", "IRQ");
    let got = coded("وطالبت الحكومة بتفادي وقوع ضحايا مدنيين في الغارات التي يشنها الجيش التركي ضد معاقل الحزب في شمال العراق.");
    assert!(!got.iter().any(|(c, s, _)| c == "195" && s.ends_with("CVL")), "{got:?}");
}

#[test]
fn a_verbal_noun_after_a_passive_auxiliary_is_done_to_the_actor_after_it() {
    // «تم قتل خمسة من مسلحي الشباب»: the fighters were killed, they killed no one
    let got = coded("وقال الجيش إنه تم أمس قتل خمسة من مسلحي حركة الشباب في مقديشو.");
    assert!(!got.iter().any(|(c, s, _)| c.starts_with("18") && s == "IMGMUSALQ"), "{got:?}");
    let got = coded("وتم أمس اعتقال ثلاثة من عناصر تنظيم داعش في الموصل.");
    assert!(got.iter().any(|(c, s, t)| c == "173" && s.is_empty() && t == "IMGMUSISI"), "{got:?}");
}

#[test]
fn a_forces_pronoun_stands_for_the_actor_not_the_place_named() {
    // «بعثة الاتحاد الإفريقي في الصومال … قواتها»: the mission's forces, not Somalia's
    let got = coded("وأوضحت بعثة الاتحاد الإفريقي في الصومال أن قواتها قتلت خمسة مسلحين أمس.");
    assert!(got.iter().any(|(c, s, _)| c.starts_with("1") && s.starts_with("IGOAFRAFU")), "{got:?}");
    assert!(!got.iter().any(|(_, s, _)| s == "SOMMIL"), "{got:?}");
}

#[test]
fn reviewing_with_someone_is_meeting_them() {
    // headline style: «X يستعرض وY تطورات المنطقة» — X and Y reviewed the region's events
    has("خادم الحرمين يستعرض ووزير الخارجية المصري تطورات المنطقة", "040", "SAUGOV", "EGYGOV");
}

#[test]
fn a_compound_that_signs_signs_with_each_other() {
    // the Syrian opposition is what the agreement is about, not a party to it
    let got = coded("ووقعت الولايات المتحدة وتركيا في أنقرة اتفاقا لتدريب معارضين سوريين.");
    assert!(got.iter().any(|(c, s, t)| c == "057" && s == "USA" && t == "TUR"), "{got:?}");
    assert!(!got.iter().any(|(_, _, t)| t.starts_with("SYR")), "{got:?}");
}

#[test]
fn an_actor_after_wa_with_a_verb_of_its_own_opens_another_clause() {
    let got = coded("الشرطة الإسرائيلية تقتحم المسجد الأقصى والجامعة العربية تدين الهجوم");
    assert!(!got.iter().any(|(c, _, t)| c == "170" && t.starts_with("IGO")), "{got:?}");
    let got = coded("الشرطة الإسرائيلية تعتقل ناشطين فلسطينيين والجامعة العربية تدين الاعتقال");
    // what it condemned was the police's act: the act's doer is the target
    assert!(got.iter().any(|(c, s, t)| c == "111" && s == "IGOARBALL" && t == "ISRCOP"), "{got:?}");
}

#[test]
fn a_victim_before_an_unvocalised_verb_and_an_agent_after_birasas_read_as_the_passive() {
    // «أن مزارعا قتل برصاص جنود الاحتلال الإسرائيلي»: a farmer was killed by the soldiers' fire
    let got = coded("وقال مسعفون أمس إن مزارعا فلسطينيا قتل برصاص جنود جيش الاحتلال الإسرائيلي قرب الخليل.");
    assert!(got.iter().any(|(c, s, t)| (c.starts_with("18") || c.starts_with("19")) && s == "ISRMIL" && t.starts_with("PSE")), "{got:?}");
    assert!(!got.iter().any(|(_, s, _)| s.starts_with("PSE")), "{got:?}");
}

#[test]
fn a_country_adjective_restating_the_actors_own_country_is_the_same_actor() {
    let coded = khabar_coder::code_sentences(&common::article("ar", "2015-07-25", "وداهم جيش الاحتلال الإسرائيلي منزلا في نابلس."), &khabar_coder::Options::default());
    let actors: Vec<(String, String)> = coded.traces.iter().flat_map(|t| t.actors.iter().map(|(text, code, _)| (text.clone(), code.clone()))).collect();
    assert!(actors.iter().any(|(text, code)| text.ends_with("الإسرائيلي") && code == "ISRMIL"), "{actors:?}");
    assert!(!actors.iter().any(|(text, _)| text == "الإسرائيلي"), "{actors:?}");
}

#[test]
fn a_role_in_a_place_is_of_its_country_but_not_the_government_its_capital_stands_for() {
    let got = coded("وانتقد مسؤول في إقليم كردستان العراق الغارات التركية.");
    assert!(got.iter().any(|(c, s, _)| c.starts_with("11") && s.starts_with("IRQ")), "{got:?}");
    let got = coded("وهاجم مسلحون في كابول أمس مقرا للشرطة الأفغانية وقتلوا ثلاثة من عناصرها.");
    assert!(got.iter().any(|(_, s, _)| s == "AFGUAF"), "{got:?}");
    assert!(!got.iter().any(|(_, s, _)| s.contains("GOV")), "{got:?}");
}

#[test]
fn a_when_clause_is_no_object_of_the_verb_before_it() {
    // «قتل … حين هاجم مستوطنون»: the settlers are the doers of the clause after حين, not victims
    let got = coded("وكان شاب فلسطيني قتل حرقا حين هاجم مستوطنون منزلا في قرية قرب نابلس.");
    assert!(!got.iter().any(|(_, s, t)| s.starts_with("PSE") && t.starts_with("ISR")), "{got:?}");
}

#[test]
fn a_joined_verb_shares_the_subject_of_an_opening_verb_no_pattern_knows() {
    // «حرر» is no event pattern, but its subject is the subject of «وقبض» joined to it
    let got = coded("حرر الجيش الكاميروني عشرات الرهائن من أيدي حركة بوكو حرام، وقبض على ثلاثة من عناصرها.");
    assert!(got.iter().any(|(c, s, _)| c == "173" && s == "CMRMIL"), "{got:?}");
    assert!(!got.iter().any(|(c, s, _)| c == "173" && s.contains("BKH")), "{got:?}");
    // a speaker's clause is not the one a verb inside his words continues
    let got = coded("قال الجيش الكاميروني إن مسلحي بوكو حرام هاجموا قرية أمس وقتلوا خمسة مدنيين.");
    assert!(!got.iter().any(|(_, s, _)| s == "CMRMIL"), "{got:?}");
}

#[test]
fn what_is_discussed_is_a_topic_and_the_other_party_is_after_maa() {
    // «ناقش البرلمان الكيني الأزمة الصومالية»: Somalia's crisis is the topic, not a party
    let got = coded("وناقش البرلمان الكيني أمس الأزمة الصومالية.");
    assert!(!got.iter().any(|(c, _, t)| c == "040" && t.starts_with("SOM")), "{got:?}");
    let got = coded("وبحث الرئيس الكيني أمس مع نظيره الأوغندي الأزمة الصومالية.");
    assert!(got.iter().any(|(c, s, t)| c == "040" && s == "KENGOV" && t == "UGAGOV"), "{got:?}");
}

#[test]
fn confrontations_that_broke_out_between_two_parties_are_clashes() {
    // «اندلعت» says the confrontations happened; the first party's modifier («الموالية للرئيس»)
    // stands between it and the second
    has("واندلعت مواجهات عنيفة بين القوات الموالية للرئيس والمتمردين الحوثيين في محافظة تعز.", "193", "YEMREBHTH", "MIL");
}

#[test]
fn the_speakers_own_country_is_the_state_of_the_one_named_before() {
    has("وقال وزير الخارجية الأردني إن بلاده ترفض القرار الإسرائيلي.", "120", "JOR", "ISR");
    // «بلاد» alone is a land, not the speaker's country
    let got = coded("وقال وزير الخارجية الأردني إن بلاد الشام ترفض القرار.");
    assert!(!got.iter().any(|(_, s, _)| s == "JOR"), "{got:?}");
}

#[test]
fn qad_before_a_present_verb_is_may_not_a_deed() {
    // «قد تقصف»: a possibility, coded as the threat CAMEO gives an intended attack
    let got = coded("وأكد رئيس الأركان التركي أن قواته قد تقصف مواقع المقاتلين المنتمين إلى تنظيم داعش عند الحدود.");
    assert!(got.iter().any(|(c, s, t)| c.starts_with("13") && s.starts_with("TUR") && t.starts_with("IMGMUSISI")), "{got:?}");
    assert!(!got.iter().any(|(c, _, _)| c.starts_with("18") || c.starts_with("19")), "{got:?}");
    // «قد» before a past verb is "has": the deed is reported
    has("وقالت الشرطة إن مسلحين قد قتلوا أمس ثلاثة جنود أتراك.", "180", "UAF", "TURMIL");
}

#[test]
fn travel_to_a_capital_is_a_visit_announced_or_made() {
    has("وقال المتحدث إن وزير الخارجية الأردني سيتوجه إلى القاهرة غدا.", "036", "JORGOV", "EGYGOV");
    has("وتوجهت وزيرة الخارجية الكندية أمس إلى القاهرة.", "042", "CANGOV", "EGYGOV");
    // the bare «توجه» is as often the noun, a leaning: no visit
    none_of_root("وقال إن توجه الحكومة الأردنية إلى القاهرة يخدم المصالح المشتركة.", "04");
}

#[test]
fn deaths_an_act_led_to_are_not_the_doing_of_the_one_who_condemned_it() {
    // «وأدى إلى مقتل …» goes on from the bombing, not from the king who condemned it
    let got = coded("أدان العاهل المغربي التفجير الذي استهدف مسجدا في مدينة تطوان أمس وأدى إلى مقتل خمسة من رجال الشرطة.");
    assert!(!got.iter().any(|(c, s, _)| c.starts_with("18") && s.starts_with("MAR") && !s.contains("COP")), "{got:?}");
    // force joined to force shares its subject
    has("اقتحم مسلحون مركزا للشرطة أمس وقتلوا ثلاثة من رجال الشرطة المغربية.", "180", "UAF", "MARCOP");
}

#[test]
fn the_march_of_a_course_is_no_protest() {
    none_of_root("وشهد الاجتماع حديثا مطولا عن مسيرة التنمية في البلدين.", "14");
    has("وجرت مسيرة احتجاجية أمس في الرباط شارك فيها آلاف المغاربة.", "141", "MARCVL", "");
}

#[test]
fn two_calls_received_are_two_callers_calling() {
    let got = coded("وتلقى الرئيس المصري أمس اتصالين هاتفيين من عاهلي الأردن والمغرب.");
    assert!(got.iter().any(|(c, s, t)| c == "041" && s.starts_with("JOR") && t == "EGYGOV"), "{got:?}");
    assert!(got.iter().any(|(c, s, t)| c == "041" && s.starts_with("MAR") && t == "EGYGOV"), "{got:?}");
}

#[test]
fn an_islamic_state_member_is_named_by_the_adjective_of_its_name() {
    let got = coded("واعتقلت الشرطة التركية أمس داعشيا في إسطنبول.");
    assert!(got.iter().any(|(c, s, t)| c == "173" && s == "TURCOP" && t == "IMGMUSISI"), "{got:?}");
}
