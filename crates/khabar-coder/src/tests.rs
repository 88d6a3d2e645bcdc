//! Golden tests: sentences written for these tests, and the events they must give.

use super::*;
use khabar_core::{Article, Dateline, Modality};

fn article(lang: &str, text: &str) -> Article {
    Article {
        doc_id: "t".into(),
        lang: Some(lang.into()),
        published: Some("2021-03-04".into()),
        dateline: Some(Dateline { place: Some("القاهرة".into()), date: Some("2021-03-03".into()), agency: None }),
        paragraphs: vec![text.to_string()],
        text: text.to_string(),
        ..Default::default()
    }
}

fn triples(lang: &str, text: &str) -> Vec<(String, String, String)> {
    code_sentences(&article(lang, text), &Options::default())
        .events
        .into_iter()
        .map(|e| (e.cameo, e.source.map(|a| a.code).unwrap_or_default(), e.target.map(|a| a.code).unwrap_or_default()))
        .collect()
}

fn t(c: &str, s: &str, g: &str) -> (String, String, String) {
    (c.into(), s.into(), g.into())
}

#[test]
fn arabic_vso_compound_signing_is_symmetric() {
    assert_eq!(
        triples("ar", "وقعت مصر والأردن اليوم اتفاقية للتعاون في مجال الطاقة."),
        vec![t("057", "EGY", "JOR"), t("057", "JOR", "EGY")]
    );
}

#[test]
fn arabic_svo_future_becomes_intent() {
    let ev = code_sentences(&article("ar", "وقال الوزير إن تركيا ستعزز قدراتها الدفاعية مع قطر."), &Options::default()).events;
    assert_eq!(ev.len(), 1);
    assert_eq!(ev[0].source.as_ref().unwrap().code, "TUR");
    assert_eq!(ev[0].modality, Modality::Intended);
    assert_eq!(ev[0].cameo_root, "03");
}

#[test]
fn arabic_role_and_adjective_make_one_actor() {
    assert_eq!(
        triples("ar", "أشاد وزير الخارجية المصري بالعلاقات الأردنية المصرية."),
        vec![t("051", "EGYGOV", "JOR")]
    );
}

#[test]
fn arabic_negation_drops_the_event() {
    let got = triples("ar", "ولم يهاجم الجيش العراقي مواقع تركية.");
    assert!(got.is_empty(), "{got:?}");
}

#[test]
fn arabic_noun_trigger_takes_its_adjective_as_source() {
    assert_eq!(
        triples("ar", "وأدت الغارات الروسية على مواقع للجيش الأوكراني إلى خسائر."),
        vec![t("195", "RUS", "UKRMIL")]
    );
}

#[test]
fn arabic_visit_is_dated_yesterday_and_placed_in_the_capital() {
    let ev = code_sentences(&article("ar", "ووصل وزير الخارجية الفرنسي إلى القاهرة أمس الثلاثاء في زيارة رسمية."), &Options::default()).events;
    assert_eq!(ev[0].cameo, "042");
    assert_eq!(ev[0].source.as_ref().unwrap().code, "FRAGOV");
    assert_eq!(ev[0].target.as_ref().unwrap().code, "EGYGOV");
    assert_eq!(ev[0].date.as_deref(), Some("2021-03-02"));
    let loc = ev[0].location.as_ref().unwrap();
    assert_eq!((loc.name.as_str(), loc.basis.as_str()), ("Cairo", "sentence"));
}

#[test]
fn english_svo_with_target() {
    assert_eq!(triples("en", "Brazil criticized Argentina over the trade dispute."), vec![t("111", "BRA", "ARG")]);
}

#[test]
fn english_negation_and_future() {
    assert!(triples("en", "Canada did not condemn Mexico.").is_empty());
    let ev = code_sentences(&article("en", "Japan will sign a trade agreement with Vietnam."), &Options::default()).events;
    assert_eq!(ev[0].modality, Modality::Intended);
    assert_eq!(ev[0].cameo, "0311");
    assert_eq!(ev[0].target.as_ref().unwrap().code, "VNM");
}

#[test]
fn english_noun_modifier_is_source() {
    assert_eq!(triples("en", "Kenyan air strikes hit Somali villages."), vec![t("195", "KEN", "SOM")]);
}

#[test]
fn every_event_names_its_rule_and_explains_itself() {
    let ev = code_sentences(&article("en", "Peru and Chile signed a border treaty."), &Options::default()).events;
    assert_eq!(ev.len(), 2);
    for e in ev {
        assert_eq!(e.rule, "en/verbs.toml:sign-agreement");
        assert!(e.explanation.contains("compound"));
        assert!(e.confidence > 0.0 && e.confidence <= 1.0);
    }
}

fn roots(lang: &str, text: &str) -> Vec<String> {
    code_sentences(&article(lang, text), &Options::default()).events.into_iter().map(|e| e.cameo_root).collect()
}

#[test]
fn arabic_violence_without_time_count_or_toll_is_talk_not_a_report() {
    let got = roots("ar", "يقتل المتطرفون الأبرياء باسم الدين ويخطفون الأطفال.");
    assert!(!got.iter().any(|r| r == "18"), "{got:?}");
    // the same verbs anchored by a time word and a count are a report
    let ev = code_sentences(&article("ar", "وقتل مسلحون مجهولون ثلاثة جنود أمس عند حاجز للتفتيش."), &Options::default()).events;
    assert!(ev.iter().any(|e| e.cameo_root == "18" && e.source.as_ref().is_some_and(|a| a.code == "UAF")), "{ev:?}");
}

#[test]
fn arabic_question_or_counterfactual_reports_no_attack() {
    let got = roots("ar", "هل قتل الجيش خمسة مدنيين أمس في القرية؟");
    assert!(!got.iter().any(|r| r == "18"), "{got:?}");
    let got = roots("ar", "ولو هاجمت الميليشيات المدينة اليوم لسقط مئات القتلى.");
    assert!(!got.iter().any(|r| r == "18"), "{got:?}");
}

#[test]
fn arabic_verb_form_after_a_governing_noun_is_a_verbal_noun() {
    let got = roots("ar", "ووجهت المحكمة أمس إلى المتهم تهمة قتل ثلاثة أشخاص.");
    assert!(!got.iter().any(|r| r == "18"), "{got:?}");
}

#[test]
fn arabic_crowd_gathering_is_a_protest() {
    let got = roots("ar", "وتجمع مئات المتظاهرين أمس أمام مقر البرلمان.");
    assert!(got.iter().any(|r| r == "14"), "{got:?}");
    // a verb that also means "unites" is not a protest without a crowd after it
    let got = roots("ar", "وقال إن الروابط التي تجمع البلدين قوية.");
    assert!(!got.iter().any(|r| r == "14"), "{got:?}");
}

#[test]
fn arabic_definite_violent_noun_without_actor_refers_back() {
    // "the attack" already told: a claim about it, not a new report
    let got = roots("ar", "وأعلنت جماعة مسلحة أمس مسؤوليتها عن الهجوم.");
    assert!(!got.iter().any(|r| r == "18"), "{got:?}");
}

#[test]
fn arabic_present_tense_violence_is_habitual() {
    let got = roots("ar", "وتقتل العصابات ثلاثة أشخاص كل يوم في المدينة.");
    assert!(!got.iter().any(|r| r == "18"), "{got:?}");
}

#[test]
fn arabic_occurrence_verbs_give_victims_not_sources() {
    let ev = code_sentences(&article("ar", "وتعرض السفير الكندي أمس لهجوم مسلح قرب منزله."), &Options::default()).events;
    let e = ev.iter().find(|e| e.cameo_root == "18").expect("an attack");
    assert!(e.source.is_none(), "{e:?}");
    assert_eq!(e.target.as_ref().map(|a| a.code.as_str()), Some("CANGOV"));
    assert!(roots("ar", "وأصيب أربعة جنود بجروح أمس في انفجار عبوة.").iter().any(|r| r == "18"));
    assert!(roots("ar", "ولقي خمسة أشخاص مصرعهم صباح اليوم.").iter().any(|r| r == "18"));
    // wounded by an illness is no attack
    assert!(!roots("ar", "وأصيب الوزير أمس بوعكة صحية.").iter().any(|r| r == "18"));
}

#[test]
fn arabic_opening_fire_but_not_releasing() {
    assert!(roots("ar", "وأطلق مسلحون النار أمس على حافلة للركاب.").iter().any(|r| r == "19"));
    assert!(!roots("ar", "وأطلقت السلطات أمس سراح ثلاثة معتقلين.").iter().any(|r| r == "19"));
}

#[test]
fn arabic_protests_breaking_out_and_protesters_acting() {
    assert!(roots("ar", "واندلعت مظاهرات أمس في عدة مدن.").iter().any(|r| r == "14"));
    let ev = code_sentences(&article("ar", "ورفع المتظاهرون أمس لافتات تطالب بالإصلاح."), &Options::default()).events;
    let e = ev.iter().find(|e| e.cameo_root == "14").expect("a protest");
    assert_eq!(e.source.as_ref().map(|a| a.code.as_str()), Some("CVL"));
}

#[test]
fn arabic_dateline_before_the_verb_is_not_its_subject() {
    let ev = code_sentences(&article("ar", "بيروت ـ «وكالات»: اغتال مسلحون مجهولون أمس قاضيا في المدينة."), &Options::default()).events;
    let e = ev.iter().find(|e| e.cameo_root == "18").expect("an assassination");
    assert_eq!(e.source.as_ref().map(|a| a.code.as_str()), Some("UAF"), "{e:?}");
}

#[test]
fn arabic_nominal_casualty_head_is_a_report_without_a_named_attacker() {
    // a headline-style sentence: the noun heads it, no one is named behind the blast
    let got = roots("ar", "مقتل سبعة أشخاص وإصابة عشرة في انفجار سيارة مفخخة وسط المدينة.");
    assert!(got.iter().any(|r| r == "18"), "{got:?}");
    // the cause stands between the verb and the toll
    let got = roots("ar", "وأسفر انفجار عبوة ناسفة زرعت على جانب الطريق عن مقتل جنديين.");
    assert!(got.iter().any(|r| r == "18"), "{got:?}");
}

#[test]
fn arabic_when_clause_and_resultative_carry_the_occasion() {
    let got = roots("ar", "وقال الشاهد إن القافلة كانت تعبر الجسر عندما انفجرت عبوة ناسفة أمس.");
    assert!(got.iter().any(|r| r == "18"), "{got:?}");
    let got = roots("ar", "وسقطت قذيفة على السوق، الأمر الذي أدى إلى مقتل ثلاثة مدنيين.");
    assert!(got.iter().any(|r| r == "18"), "{got:?}");
}

#[test]
fn arabic_unattributed_casualties_take_the_agent_of_the_attack() {
    let ev = code_sentences(&article("ar", "وأصيب أمس ثلاثة جنود بجروح في هجوم شنه مسلحون مجهولون على حاجز."), &Options::default()).events;
    assert!(ev.iter().any(|e| e.cameo_root == "18" && e.source.as_ref().is_some_and(|a| a.code == "UAF")), "{ev:?}");
}

#[test]
fn english_pronoun_subject_takes_the_earlier_actor() {
    let ev = code_sentences(&article("en", "Chile announced on Monday that it will impose restrictions on imports from Peru."), &Options::default()).events;
    assert_eq!(ev.len(), 1, "{ev:?}");
    assert_eq!(ev[0].source.as_ref().unwrap().code, "CHL");
    assert_eq!(ev[0].cameo_root, "13", "an announced restriction is a threat");
}

#[test]
fn english_verb_object_is_not_a_second_event() {
    // "demanded talks": the talks are what was demanded, not a meeting that happened
    let ev = code_sentences(&article("en", "Bolivia demanded talks with Paraguay."), &Options::default()).events;
    let roots: Vec<&str> = ev.iter().map(|e| e.cameo_root.as_str()).collect();
    assert_eq!(roots, vec!["10"]);
}

#[test]
fn domestic_events_have_targets_of_the_same_country() {
    let ev = code_sentences(&article("en", "The Kurdish rebels accused the Turkish government of torture."), &Options::default()).events;
    assert!(ev.iter().any(|e| e.target.as_ref().is_some_and(|t| t.code == "TURGOV")), "{ev:?}");
}

#[test]
fn a_protest_without_addressee_addresses_its_own_government() {
    let ev = code_sentences(&article("en", "Thousands of Chilean students marched on Monday."), &Options::default()).events;
    let protest = ev.iter().find(|e| e.cameo_root == "14").expect("a protest");
    assert_eq!(protest.target.as_ref().unwrap().code, "CHLGOV");
    assert!(protest.explanation.contains("own government"));
}

#[test]
fn a_light_verb_hands_its_subject_to_the_event_noun() {
    let ev = code_sentences(&article("en", "Students in Kenya staged demonstrations on Monday."), &Options::default()).events;
    assert_eq!(ev.len(), 1, "{ev:?}");
    assert_eq!(ev[0].cameo_root, "14");
    assert_eq!(ev[0].source.as_ref().unwrap().country.as_deref(), Some("KEN"));
}

#[test]
fn arabic_kama_is_not_a_negation() {
    // "كما" (also) is ك + ما, not the negation "ما"; "ولم" still negates
    let ev = triples("ar", "كما خطف مسلحون خمسة موظفين أمس عند حاجز وهمي.");
    assert!(ev.iter().any(|e| e.0.starts_with("18") && e.1 == "UAF"), "{ev:?}");
    assert!(triples("ar", "ولم يخطف المسلحون أحدا أمس.").iter().all(|e| !e.0.starts_with("18")));
}

#[test]
fn arabic_assassination_of_a_named_leader_is_not_by_him() {
    // the genitive of اغتيال is the victim: no source, so a bare mention gives no event
    let ev = triples("ar", "وتحدث الكاتب في مقاله يوم 3 مايو عن اغتيال الرئيس اللبناني.");
    assert!(ev.iter().all(|e| e.1 != "LBNGOV" && e.1 != "LBN"), "{ev:?}");
}

#[test]
fn arabic_forces_of_a_named_army_act_for_it() {
    let ev = triples("ar", "وكانت إسرائيل قد أعلنت أمس أن قواتها قصفت ثلاثة مواقع.");
    assert!(ev.iter().any(|e| e.0 == "194" && e.1 == "ISRMIL"), "{ev:?}");
}

#[test]
fn arabic_protest_takes_its_source_from_the_protesters_clause() {
    let ev = triples("ar", "وخرجت أمس مظاهرات في أثينا ورفع المتظاهرون لافتات تندد بالحكومة.");
    // the protesters of a protest placed in Athens are Greek civilians
    assert!(ev.iter().any(|e| e.0.starts_with("14") && e.1 == "GRCCVL"), "{ev:?}");
}

#[test]
fn a_domestic_act_with_no_one_named_falls_on_the_actors_country() {
    let ev = code_sentences(&article("en", "The Peruvian government imposed a curfew on Tuesday."), &Options::default()).events;
    let e = ev.iter().find(|e| e.cameo == "1723").expect("a curfew");
    assert_eq!(e.target.as_ref().unwrap().code, "PER");
    assert!(e.explanation.contains("domestic"));
}

#[test]
fn a_town_the_act_is_carried_into_gives_the_target_country() {
    let ev = code_sentences(&article("en", "Ethiopian troops shelled positions near Kismayo on Friday."), &Options::default()).events;
    let e = ev.iter().find(|e| e.cameo_root == "19").expect("shelling");
    assert_eq!(e.target.as_ref().unwrap().code, "SOM");
    assert!(e.explanation.contains("Kismayo"), "{}", e.explanation);
}

#[test]
fn arabic_ma_before_a_past_verb_is_a_result_not_a_negation() {
    let got = triples("ar", "وانفجرت عبوة ناسفة قرب دورية للشرطة في المدينة، ما أسفر عن مقتل شرطيين.");
    assert!(got.iter().any(|e| e.0 == "180"), "{got:?}");
}

#[test]
fn arabic_time_phrase_is_not_a_subordinate_clause() {
    assert_eq!(triples("ar", "وفي الليلة قبل الماضية اغتال مسلحون ضابطا كينيا."), vec![t("186", "UAF", "KENMIL")]);
}

#[test]
fn arabic_violence_naming_agent_and_victim_needs_no_time_word() {
    assert_eq!(triples("ar", "واغتال مسلحون مجهولون قاضيا عراقيا في البصرة."), vec![t("186", "UAF", "IRQJUD")]);
    // the same verb with no one named on either side is still talk, not a report
    assert!(triples("ar", "واغتيل في البصرة.").is_empty());
}

#[test]
fn arabic_noun_event_folded_into_a_verb_is_not_lost_with_it() {
    // (a car bomb with no one named behind it: an unidentified armed force)
    assert_eq!(triples("ar", "وأدى انفجار سيارة مفخخة في وسط الموصل إلى مقتل ثلاثة جنود عراقيين."), vec![t("180", "UAF", "IRQMIL")]);
}

#[test]
fn arabic_unvocalised_kill_with_a_lone_victim_reads_as_passive() {
    // "qutila": an activist was killed; no one is named as the killer
    assert_eq!(triples("ar", "وقتل ناشط معارض في البصرة أمس."), vec![t("180", "", "CVL")]);
    // a definite subject with a bare object after it is the active verb
    // (by an army: conventional force, 190)
    assert_eq!(triples("ar", "وقتلت القوات الأمريكية ثلاثة مسلحين أمس في الرمادي."), vec![t("190", "USAMIL", "UAF")]);
    // an armed group right after the verb is its subject
    assert_eq!(triples("ar", "وخطف مسلحون صحافيا فرنسيا أمس في كابول."), vec![t("181", "UAF", "FRAMED")]);
}

#[test]
fn arabic_victim_of_a_casualty_noun_is_not_the_subject_of_its_verb() {
    let got = triples("ar", "وانفجرت سيارة مفخخة في كركوك، ما أدى إلى مقتل خمسة جنود عراقيين.");
    assert!(got.iter().any(|e| e.0 == "180" && e.2 == "IRQMIL" && e.1 != "IRQMIL"), "{got:?}");
}

#[test]
fn arabic_weak_verb_assault_is_listed() {
    assert_eq!(triples("ar", "واعتدى رجال الشرطة على الصحافيين أمام المحكمة أمس."), vec![t("180", "COP", "MED")]);
}

#[test]
fn english_bare_title_takes_the_one_country_the_sentence_names() {
    assert_eq!(triples("en", "The president rejected the demands of the Zambian opposition on Monday."), vec![t("120", "ZMBGOV", "ZMBOPP")]);
    // two countries named: whose president is not said
    assert_eq!(triples("en", "The president rejected the demands of the Zambian opposition and of Malawi on Monday.")[0].1, "GOV");
}

#[test]
fn english_object_of_the_sources_country_is_another_party() {
    assert_eq!(triples("en", "The Kenyan government accused the Kenya Electoral Commission of fraud."), vec![t("112", "KENGOV", "KEN")]);
}

#[test]
fn english_speaker_of_a_trailing_report_is_no_object() {
    let ev = triples("en", "Peru and Chile agreed to hold joint naval drills, a Peruvian official confirmed.");
    assert_eq!(ev, vec![t("030", "PER", "CHL"), t("030", "CHL", "PER")]);
}

#[test]
fn english_coordinated_object_gives_every_member_a_target() {
    assert_eq!(triples("en", "Chile criticized Peru and Bolivia on Monday."), vec![t("111", "CHL", "PER"), t("111", "CHL", "BOL")]);
    // "… and Bolivia said": the last member starts a clause of its own
    assert_eq!(triples("en", "Chile criticized Peru and Bolivia said on Monday it would respond."), vec![t("111", "CHL", "PER")]);
}

#[test]
fn english_actor_after_a_verb_with_a_pronoun_subject_is_its_object() {
    // "they" stands for the farmers; Lima is what they would blockade, not who
    assert_eq!(triples("en", "Peruvian farmers said on Friday they would blockade Lima."), vec![t("1381", "PERAGR", "PERGOV")]);
}

#[test]
fn english_armed_groups_are_rebels_of_their_country() {
    assert_eq!(triples("en", "Kenyan police seized weapons from Kenyan armed groups on Monday."), vec![t("1711", "KENCOP", "KENREB")]);
}

#[test]
fn arabic_verbs_saying_a_protest_took_place_need_no_time_word() {
    // demonstrate-verb, gather-protest, protesters-march, protests-erupt, take-to-streets (`occasion`)
    assert_eq!(triples("ar", "وتظاهر المعلمون المغاربة للمطالبة برفع الأجور."), vec![t("141", "MAREDU", "MARGOV")]);
    assert_eq!(triples("ar", "واحتشد المحتجون أمام مبنى المحافظة في صنعاء."), vec![t("141", "YEMCVL", "YEMGOV")]);
    assert_eq!(triples("ar", "وجاب المتظاهرون شوارع مدينة حمص."), vec![t("141", "CVL", "")]);
    assert_eq!(triples("ar", "واندلعت احتجاجات في مدينة البصرة."), vec![t("141", "IRQCVL", "")]);
    // (the capital is where they protest, not whom: the document stage gives them their
    // country and its government, tests/document.rs)
    assert_eq!(triples("ar", "ونزل الآلاف إلى الشوارع في الخرطوم."), vec![t("141", "CVL", "")]);
    // chanting and banners are details of a protest: they still need an occasion
    assert!(triples("ar", "وردد المحتجون هتافات ضد رئيس الوزراء.").is_empty());
    assert!(triples("ar", "ورفع المحتجون صورا للمعتقلين.").is_empty());
}

#[test]
fn arabic_occurrence_verb_makes_the_noun_after_it_a_report() {
    assert_eq!(triples("ar", "ووقع اعتداء إسرائيلي على صيادين لبنانيين."), vec![t("180", "ISR", "LBN")]);
    // the same noun phrase with no verb of occurring and no time word is talk about it
    let got = roots("ar", "وأثار اعتداء إسرائيلي على صيادين لبنانيين غضب السكان.");
    assert!(!got.iter().any(|r| r == "18"), "{got:?}");
}

#[test]
fn arabic_who_survived_an_attempt_is_its_target() {
    assert_eq!(triples("ar", "ونجا رئيس الوزراء الصومالي من محاولة اغتيال استهدفت موكبه."), vec![t("180", "", "SOMGOV")]);
    // surviving relegation is no attack
    assert!(triples("ar", "ونجا الفريق من الهبوط إلى الدرجة الثانية.").is_empty());
}

#[test]
fn arabic_required_word_may_be_the_subject_before_the_verb() {
    // `requires_before`: the bomb that "فجرت" needs stands before it as its subject
    assert_eq!(triples("ar", "سيارة مفخخة فجرت حافلة للركاب قرب الموصل أمس."), vec![t("183", "UAF", "IRQ")]);
    // … and so do the protesters of protest-acts and gather-protest
    assert_eq!(triples("ar", "وكان المتظاهرون قد أغلقوا الطريق الرئيسي أمس."), vec![t("141", "CVL", "")]);
    assert_eq!(triples("ar", "وكان آلاف المحتجين قد تجمعوا أمس في ساحة المدينة."), vec![t("141", "CVL", "")]);
    // a minister closing a road, or chanting with no protesters named, is no protest
    assert!(triples("ar", "وأغلق الوزير أمس الطريق الرئيسي.").is_empty());
    assert!(!roots("ar", "ورددوا أمس هتافات ضد الحكومة.").iter().any(|r| r == "14"));
}

#[test]
fn arabic_coordinated_verb_without_a_subject_shares_the_earlier_one() {
    // "وخطفوا" has no subject of its own: not the minister named before it, the gunmen
    let got = triples("ar", "واقتحم مسلحون منزل الوزير الصومالي أمس وخطفوا زوجته.");
    assert!(got.contains(&t("181", "UAF", "")), "{got:?}");
    assert!(!got.iter().any(|e| e.0 == "181" && e.1 != "UAF"), "{got:?}");
}

#[test]
fn arabic_protesters_not_named_and_protesting_places_are_civilians() {
    assert_eq!(triples("ar", "واندلعت مظاهرات في عدة مدن."), vec![t("141", "CVL", "")]);
    assert_eq!(triples("ar", "وشهدت تونس أمس مظاهرات حاشدة."), vec![t("141", "TUNCVL", "TUNGOV")]);
    // a capital that protests is its people, not its government
    let got = triples("ar", "وشهدت الرباط أمس مظاهرات.");
    assert_eq!(got.iter().map(|e| (e.0.as_str(), e.1.as_str())).collect::<Vec<_>>(), vec![("141", "MARCVL")], "{got:?}");
    let got = triples("ar", "وتظاهرت بغداد أمس ضد الفساد.");
    assert_eq!(got.iter().map(|e| (e.0.as_str(), e.1.as_str())).collect::<Vec<_>>(), vec![("141", "IRQCVL")], "{got:?}");
}

#[test]
fn arabic_bomb_with_no_one_named_was_set_off_by_unidentified_attackers() {
    assert_eq!(triples("ar", "وانفجرت قنبلة يدوية أمس في مقهى بالعاصمة."), vec![t("183", "UAF", "")]);
    // no bomb word: no one is assumed behind the blast
    let got = triples("ar", "وانفجر خزان للوقود أمس في مصفاة النفط.");
    assert!(got.iter().all(|e| e.1 != "UAF"), "{got:?}");
}

#[test]
fn arabic_tanks_helicopters_and_drones_are_armed_forces() {
    assert_eq!(triples("ar", "وقصفت دبابة إسرائيلية منزلا في خان يونس أمس."), vec![t("194", "ISRMIL", "PSE")]);
    let got = triples("ar", "وأطلقت مروحية أمريكية صاروخا على سيارة أمس قرب الحدود.");
    assert!(got.iter().any(|e| e.0.starts_with("19") && e.1 == "USAMIL"), "{got:?}");
    let got = triples("ar", "وقصفت طائرة بدون طيار أمريكية سيارة في اليمن أمس.");
    assert!(got.iter().any(|e| e.0.starts_with("19") && e.1 == "USAMIL"), "{got:?}");
}

#[test]
fn arabic_counts_and_member_words_do_not_hide_the_protesters() {
    assert_eq!(triples("ar", "وتظاهر أمس عشرات من أنصار المعارضة اليمنية."), vec![t("141", "YEMOPP", "YEMGOV")]);
    let got = triples("ar", "واعتصم أمس مئات من العمال المصريين أمام مقر الشركة.");
    assert!(got.iter().any(|e| e.0 == "141" && e.1 == "EGYLAB"), "{got:?}");
}

#[test]
fn arabic_protesters_attacking_or_storming_also_protest_violently() {
    assert_eq!(
        triples("ar", "واقتحم محتجون غاضبون مقر السفارة الدنماركية في دمشق أمس."),
        vec![t("192", "CVL", "DNKGOV"), t("145", "CVL", "DNKGOV")]
    );
    assert_eq!(
        triples("ar", "واعتدى متظاهرون على رجال الشرطة أمس أمام البرلمان."),
        vec![t("180", "CVL", "COP"), t("145", "CVL", "COP")]
    );
    // gunmen attacking are no protest
    assert_eq!(triples("ar", "وهاجم مسلحون مركزا للشرطة المصرية أمس."), vec![t("180", "UAF", "EGYCOP")]);
}

#[test]
fn arabic_plural_verb_takes_no_subject_after_it() {
    // "خطفوا" carries its subject: the UN staff after it are abducted, not abductors
    let got = triples("ar", "واقتحم مسلحون فندقا في كابول أمس وخطفوا موظفين من الأمم المتحدة.");
    assert!(got.contains(&t("181", "UAF", "IGOUNO")), "{got:?}");
    assert!(!got.iter().any(|e| e.1 == "IGOUNO"), "{got:?}");
}

#[test]
fn arabic_noun_after_an_occurrence_verb_is_reported_with_no_one_named() {
    assert_eq!(triples("ar", "ووقع هجوم انتحاري في سوق المدينة أمس."), vec![t("180", "UAF", "")]);
    // the same noun with no verb of occurring and no actor is a mention
    assert!(triples("ar", "ويخشى السكان هجوما في سوق المدينة.").is_empty());
}

#[test]
fn arabic_clashes_between_two_parties_go_both_ways() {
    assert_eq!(triples("ar", "ووقعت اشتباكات بين الجيش السوداني ومتمردين أمس."), vec![t("193", "SDNMIL", "REB"), t("193", "REB", "SDNMIL")]);
}

#[test]
fn arabic_verb_beginning_with_al_is_not_a_noun_with_the_article() {
    assert_eq!(triples("ar", "والتقى وزير الخارجية المصري أمس نظيره الأردني في القاهرة."), vec![t("040", "EGYGOV", "JORGOV")]);
}

#[test]
fn arabic_verb_form_after_a_preposition_is_a_verbal_noun() {
    // "على قتل" is "at the killing of" (qatl): no verb follows a preposition
    assert!(!triples("ar", "واحتج الأهالي أمس على قتل ثلاثة من أبنائهم.").iter().any(|e| e.0.starts_with("18")));
    // "who stands behind the assassination" names no assassination of the sentence's own
    assert!(triples("ar", "وقال المحقق إن جماعة مسلحة تقف وراء اغتيال القاضي.").iter().all(|e| e.0 != "186"));
}

#[test]
fn arabic_accomplished_act_and_firing_noun_are_reports() {
    // "نجح في قتل": the preposition governs a verbal noun, but the killing was done
    // (by an army: conventional force, 190)
    assert_eq!(triples("ar", "وقال الجيش إنه نجح في قتل قائد ميداني للمتمردين أمس."), vec![t("190", "MIL", "REB")]);
    assert_eq!(triples("ar", "وقام مسلحون بإطلاق النار على دورية للشرطة أمس."), vec![t("190", "UAF", "COP")]);
    // a ceasefire is no firing
    assert!(!triples("ar", "ودعا الوسطاء إلى وقف إطلاق النار في المدينة أمس.").iter().any(|e| e.0 == "190"));
}

#[test]
fn english_what_a_demand_asks_for_is_not_done() {
    // the release and the withdrawal are what Canada asks for, not events (a demand for a
    // release is CAMEO 1053)
    assert_eq!(triples("en", "Canada demanded that Peru release the detained journalists and withdraw its troops from the border."), vec![t("1053", "CAN", "PER")]);
    // a new clause after "but" reports its own event
    let got = triples("en", "Canada demanded that Peru release the journalists, but Peruvian troops attacked protesters on Monday.");
    assert!(got.iter().any(|e| e.0.starts_with("10") && e.1 == "CAN" && e.2 == "PER") && got.iter().any(|e| e.0.starts_with("18") || e.0.starts_with("19")), "{got:?}");
}

#[test]
fn english_gerund_after_a_preposition_names_an_act() {
    // "for attacking a bus" is the charge, not an attack reported
    assert_eq!(triples("en", "Kenyan police arrested two students on Friday for attacking a bus in Nairobi."), vec![t("173", "KENCOP", "KENEDU")]);
}

#[test]
fn english_back_before_a_direction_is_an_adverb() {
    // "sent them back to Ghana" is a return, not support for Ghana
    assert!(!triples("en", "Togo sent the migrants back to Ghana on Tuesday.").iter().any(|e| e.0 == "051"));
    assert_eq!(triples("en", "Ghana backed Togo on Tuesday."), vec![t("051", "GHA", "TGO")]);
}

#[test]
fn english_welcoming_a_statement_is_endorsing_it() {
    assert_eq!(triples("en", "The Kenyan government on Monday welcomed the Tanzanian president's statement on trade."), vec![t("051", "KENGOV", "TZAGOV")]);
}

#[test]
fn english_calling_off_a_strike_eases_dissent() {
    let got = triples("en", "Bolivian miners called off their strike on Wednesday.");
    assert_eq!(got.iter().map(|e| e.0.as_str()).collect::<Vec<_>>(), vec!["082"], "{got:?}");
}

#[test]
fn english_passive_agent_after_by_the() {
    // "by the army": the article between "by" and the agent does not hide the agent
    assert_eq!(triples("en", "The Malian mayor was arrested by the army on Monday."), vec![t("173", "MLIMIL", "MLIGOV")]);
}

#[test]
fn arabic_operation_carried_out_is_the_act() {
    // "عملية"/"عمليات" governs the noun after it, unless a verb of carrying out precedes it
    assert_eq!(triples("ar", "ونفذ مسلحون عملية خطف لثلاثة صحافيين أمس في بغداد."), vec![t("181", "UAF", "MED")]);
    assert_eq!(triples("ar", "وشن الجيش عمليات قصف على مواقع المتمردين أمس."), vec![t("194", "MIL", "REB")]);
    assert!(triples("ar", "ودعا المجلس إلى وقف عمليات القصف على المدينة.").is_empty());
}

#[test]
fn arabic_deaths_in_an_accident_are_no_assault() {
    assert!(triples("ar", "ولقي ثلاثة أشخاص مصرعهم أمس في حادث مروري على طريق المدينة.").is_empty());
    // the same deaths with a named killer are an assault
    assert!(!triples("ar", "وقتل مسلحون ثلاثة أشخاص أمس على طريق المدينة.").is_empty());
}

#[test]
fn arabic_protest_place_is_where_not_whom() {
    // Athens is where the students protested: no target is read from the town
    let got = triples("ar", "وتظاهر مئات الطلاب أمس في أثينا.");
    assert!(got.iter().all(|e| e.2 != "GRC"), "{got:?}");
}

#[test]
fn arabic_names_and_amounts_are_no_visits() {
    // "فيصل" is a given name, not ف + يصل ("and he arrives")
    assert!(triples("ar", "وأشاد الأمير فيصل بجهود اللجنة المنظمة للمهرجان.").iter().all(|e| e.0 != "042"));
    // "تصل إلى 5 ملايين" is an amount reached, not an arrival
    assert!(triples("ar", "وقالت الشركة إن أرباحها تصل إلى خمسة ملايين دولار.").iter().all(|e| e.0 != "042"));
    // an arrival in a capital is a visit
    assert_eq!(triples("ar", "ووصل وزير الخارجية التركي إلى الرياض أمس.")[0], t("042", "TURGOV", "SAUGOV"));
}

#[test]
fn arabic_verb_form_after_a_number_is_a_noun() {
    // "طالب" after a count is a student, not "demanded"
    assert!(triples("ar", "وتستقبل الجامعة هذا العام 400 طالب من دول الخليج.").iter().all(|e| e.0 != "100"));
    // a dated timeline entry still reports its verb
    assert!(triples("ar", "ـ 10: قتل 20 شخصا في هجوم على مسجد.").iter().any(|e| e.0 == "180"));
}

#[test]
fn english_reporters_notes_and_marketing_are_no_events() {
    // "declined to comment" is CAMEO's 011 (decline comment), not a rejection
    assert!(triples("en", "A government spokesman declined to comment on Monday.").iter().all(|e| !e.0.starts_with("12")));
    assert!(triples("en", "The company will target young customers with new offers.").is_empty());
    // a rejection and a targeting of a party are still events
    assert!(triples("en", "Iran rejected the French proposal on Monday.").iter().any(|e| e.0.starts_with("12")));
    assert!(triples("en", "Syrian forces targeted Turkish troops near the border.").iter().any(|e| e.0 == "180"));
}

#[test]
fn arabic_battles_between_parties_and_rankings() {
    // "معارك دارت … بين A و B": a few words may stand between the noun and "بين"
    assert_eq!(triples("ar", "وقعت معارك عنيفة أمس بين الجيش السوداني ومتمردين."), vec![t("193", "SDNMIL", "REB"), t("193", "REB", "SDNMIL")]);
    // "احتل المرتبة الأولى" is a ranking, not an occupation
    assert!(triples("ar", "واحتلت السعودية المرتبة الأولى عربيا في المؤشر.").is_empty());
}

#[test]
fn english_acronyms_only_in_capitals() {
    // "us" and "car" are words; "US" and "CAR" are countries
    let got = triples("en", "Police told us that a car bomb killed two soldiers in Kabul.");
    assert!(got.iter().all(|e| !e.1.starts_with("USA") && !e.1.starts_with("CAF") && !e.2.starts_with("USA") && !e.2.starts_with("CAF")), "{got:?}");
    assert!(triples("en", "The US condemned the attack on Monday.").iter().any(|e| e.1 == "USA"));
}

#[test]
fn english_crashes_and_warrants_are_no_killings() {
    assert!(triples("en", "Two soldiers were killed in a helicopter crash in Afghanistan on Monday.").iter().all(|e| !e.0.starts_with("18")));
    assert!(triples("en", "Police executed a search warrant at the house on Monday.").iter().all(|e| !e.0.starts_with("18")));
    // killings with a named killer stay
    assert!(triples("en", "Taliban fighters killed two Afghan soldiers on Monday.").iter().any(|e| e.0 == "180"));
}

#[test]
fn arabic_crowd_holding_someone_responsible_or_described_is_no_protest() {
    // "حمّل … مسؤولية" is holding someone responsible, not carrying banners
    assert!(triples("ar", "وحمل المتظاهرون الوزير مسؤولية مقتل الشاب أمس.").iter().all(|e| !e.0.starts_with("14")));
    // "متظاهرين يحتجون على …" describes the crowd of another event
    assert!(triples("ar", "واعتقلت الشرطة أمس عشرات المتظاهرين يحتجون على الغلاء.").iter().all(|e| !e.0.starts_with("14")));
}

#[test]
fn arabic_organising_or_joining_a_protest_is_protesting() {
    assert!(triples("ar", "وشارك آلاف الطلاب في مسيرة احتجاجية وسط العاصمة.").iter().any(|e| e.0 == "141"));
    assert!(triples("ar", "ونظم عمال المصنع اعتصاما أمام مقر الشركة.").iter().any(|e| e.0 == "141"));
    // organising or joining anything else is not
    assert!(triples("ar", "وشارك الوزير في مؤتمر اقتصادي في العاصمة.").iter().all(|e| e.0 != "141"));
}

#[test]
fn arabic_protested_needs_against_or_a_crowd_and_a_career_is_no_march() {
    assert!(triples("ar", "واحتج مئات العمال أمس على تأخر الرواتب.").iter().any(|e| e.0 == "141"));
    // "احتجت لبعض الوقت" is "I needed some time"
    assert!(triples("ar", "وقال اللاعب إنه احتجت لبعض الوقت للتأقلم مع الفريق.").iter().all(|e| e.0 != "141"));
    // "مسيرته" is a career
    assert!(triples("ar", "وشهد اللاعب أجمل أيام مسيرته مع النادي.").iter().all(|e| e.0 != "141"));
}

// ---- CAMEO 04: who consults whom. Patterns declare which phrase is the source
// (`source`/`target` in verbs.toml) where the subject is not it.

#[test]
fn arabic_call_received_is_by_the_caller() {
    assert_eq!(triples("ar", "تلقى الرئيس المصري اتصالا هاتفيا من الملك الأردني مساء أمس."), vec![t("041", "JORGOV", "EGYGOV")]);
    // the call noun first, the verb of receiving after it
    assert_eq!(triples("ar", "وخلال اتصال هاتفي تلقاه الرئيس المصري من نظيره الفرنسي أمس، بحث الجانبان الأوضاع."), vec![t("041", "FRAGOV", "EGYGOV")]);
    // no caller named: the call stands, with its receiver
    assert_eq!(triples("ar", "تلقى الرئيس السوري اتصالا هاتفيا."), vec![t("041", "", "SYRGOV")]);
}

#[test]
fn arabic_call_made_is_by_the_subject() {
    assert_eq!(triples("ar", "أجرى وزير الخارجية التركي اتصالا هاتفيا مع نظيره الإيراني أمس."), vec![t("041", "TURGOV", "IRNGOV")]);
    assert_eq!(triples("ar", "أجرى رئيس الوزراء العراقي اتصالا هاتفيا بالرئيس الفرنسي."), vec![t("041", "IRQGOV", "FRAGOV")]);
    assert_eq!(triples("ar", "هاتف الرئيس الروسي رئيس الوزراء التركي أمس."), vec![t("041", "RUSGOV", "TURGOV")]);
    // talks held by telephone are a call, not a meeting
    assert_eq!(triples("ar", "بحث الرئيس المصري في اتصال هاتفي مع الملك السعودي العلاقات الثنائية."), vec![t("041", "EGYGOV", "SAUGOV")]);
}

#[test]
fn arabic_title_before_another_countrys_adjective_starts_a_new_actor() {
    // a second head of state after the first, not an apposition restating him
    assert_eq!(triples("ar", "استقبل الرئيس التونسي الرئيس الجزائري في قصر قرطاج أمس."), vec![t("043", "TUNGOV", "DZAGOV")]);
}

#[test]
fn arabic_host_visitor_and_meeting() {
    assert_eq!(triples("ar", "استقبل الملك المغربي الرئيس الموريتاني في الرباط."), vec![t("043", "MARGOV", "MRTGOV")]);
    assert_eq!(triples("ar", "زار وزير الدفاع الأمريكي بغداد أمس."), vec![t("042", "USAGOVMIL", "IRQGOV")]);
    assert_eq!(triples("ar", "التقى وزير الخارجية الروسي ورئيس الوزراء الفلسطيني في موسكو اليوم."), vec![t("040", "RUSGOV", "PSEGOV"), t("040", "PSEGOV", "RUSGOV")]);
}

#[test]
fn arabic_meetings_to_come_and_invitations_are_intents() {
    assert_eq!(triples("ar", "سيلتقي وزير الخارجية الألماني الرئيس الإيراني الأسبوع المقبل."), vec![t("036", "DEUGOV", "IRNGOV")]);
    assert_eq!(triples("ar", "دعا الرئيس الفرنسي الرئيس اللبناني لزيارة باريس."), vec![t("036", "FRAGOV", "LBNGOV")]);
    assert_eq!(triples("ar", "تلقى رئيس الوزراء العراقي دعوة من الرئيس الفرنسي لزيارة باريس."), vec![t("036", "FRAGOV", "IRQGOV")]);
    assert_eq!(triples("ar", "وجه الرئيس الفرنسي دعوة إلى رئيس الوزراء العراقي لزيارة باريس."), vec![t("036", "FRAGOV", "IRQGOV")]);
    assert_eq!(triples("ar", "قال المتحدث إن الرئيس الإيراني قبل دعوة لزيارة روما."), vec![t("036", "IRNGOV", "ITAGOV")]);
}

#[test]
fn english_call_received_is_by_the_caller() {
    assert_eq!(triples("en", "The Egyptian president received a phone call from the Jordanian king on Tuesday."), vec![t("041", "JORGOV", "EGYGOV")]);
    // the caller named, the receiver only a pronoun
    assert_eq!(triples("en", "He received a phone call from the Turkish president."), vec![t("041", "TURGOV", "")]);
}

#[test]
fn english_call_made_is_by_the_subject() {
    assert_eq!(triples("en", "The Turkish foreign minister phoned the Iranian president on Monday."), vec![t("041", "TURGOV", "IRNGOV")]);
    assert_eq!(triples("en", "The French president spoke by telephone with the German chancellor."), vec![t("041", "FRAGOV", "DEUGOV")]);
    assert_eq!(
        triples("en", "The Iranian president discussed the crisis with the French president in a telephone call on Monday."),
        vec![t("041", "IRNGOV", "FRAGOV")]
    );
}

#[test]
fn english_host_visitor_and_meeting() {
    assert_eq!(triples("en", "The Tunisian president received the French foreign minister in Carthage."), vec![t("043", "TUNGOV", "FRAGOV")]);
    assert_eq!(triples("en", "The Iraqi prime minister was received by the Saudi king in Riyadh."), vec![t("043", "SAUGOV", "IRQGOV")]);
    assert_eq!(triples("en", "The US defense secretary visited Baghdad on Sunday."), vec![t("042", "USAGOVMIL", "IRQGOV")]);
    assert_eq!(triples("en", "Baghdad was visited by the British prime minister last week."), vec![t("042", "GBRGOV", "IRQGOV")]);
    assert_eq!(triples("en", "The Egyptian president received a visit from the Qatari emir on Monday."), vec![t("042", "QATGOV", "EGYGOV")]);
    assert_eq!(triples("en", "The Iraqi prime minister met the British ambassador in Baghdad."), vec![t("040", "IRQGOV", "GBRGOV")]);
}

#[test]
fn english_meetings_to_come_and_invitations_are_intents() {
    assert_eq!(triples("en", "The German foreign minister will meet the Iranian president next week."), vec![t("036", "DEUGOV", "IRNGOV")]);
    assert_eq!(triples("en", "The French president invited the Lebanese president to visit Paris."), vec![t("036", "FRAGOV", "LBNGOV")]);
    assert_eq!(triples("en", "The Iranian president accepted an invitation to visit Rome."), vec![t("036", "IRNGOV", "ITAGOV")]);
}

#[test]
fn arabic_possessive_on_a_visit_noun_is_the_visitor() {
    // "زيارته السودان": his visit to Sudan, not Sudan's visit
    assert_eq!(triples("ar", "وقال الوزير إن نائب الرئيس الإيراني وافق إبان زيارته السودان أمس على تمويل المشروع."), vec![t("042", "IRNGOV", "SDN")]);
}

#[test]
fn an_arrival_with_no_one_named_is_no_visit() {
    assert!(triples("ar", "وصلت أمس إلى القاهرة شحنة جديدة من الطائرات.").is_empty());
    assert!(triples("en", "A shipment of new aircraft arrived in Cairo yesterday.").is_empty());
}

#[test]
fn a_meeting_proposed_is_an_intent_not_a_meeting() {
    // the meeting noun is the proposal's object, not a meeting held
    assert_eq!(triples("ar", "اقترحت الهند على باكستان عقد اجتماع لوزيري الخارجية الأسبوع المقبل."), vec![t("036", "IND", "PAK")]);
    assert_eq!(triples("en", "India proposed talks with Pakistan next month."), vec![t("036", "IND", "PAK")]);
}

#[test]
fn english_the_place_a_visit_goes_to_is_its_target() {
    // the trigger's own "in" does not make the place a mere location
    assert_eq!(triples("en", "The Turkish foreign minister arrived in Qatar on Monday."), vec![t("042", "TURGOV", "QAT")]);
    assert_eq!(triples("en", "The Egyptian president flew to Algeria on Sunday."), vec![t("042", "EGYGOV", "DZA")]);
    assert_eq!(triples("en", "The Iraqi president arrived in the United States on Monday."), vec![t("042", "IRQGOV", "USA")]);
}

#[test]
fn arabic_bracket_closing_a_gloss_inside_the_subject_does_not_set_it_off() {
    assert_eq!(triples("ar", "وقال المتحدث إن وزير الخارجية (الروسي) وجه الدعوة إلى الرئيس السوري لزيارة موسكو."), vec![t("036", "RUSGOV", "SYRGOV")]);
}

#[test]
fn a_place_after_fi_or_in_and_a_place_word_is_where_not_who() {
    // "في شمال العراق": Iraq is where the shelling was, not who made the demand after "حيث"
    let got = triples("ar", "ودانت الحكومة المصرية القصف في شمال العراق حيث طالبت تركيا بسحب القوات.");
    assert!(got.contains(&t("100", "TUR", "")) && got.iter().all(|e| e.1 != "IRQ"), "{got:?}");
    // "in The Hague, Netherlands": the country after the city is still the place
    let got = triples("en", "The tribunal in The Hague, Netherlands, ordered the arrest of the Serbian general.");
    assert!(got.iter().all(|e| e.1 != "NLD"), "{got:?}");
}

#[test]
fn arabic_noun_after_inna_is_the_subject_of_the_verb_after_it() {
    // a name the dictionaries do not know: no source, neither the speaker nor the object
    assert_eq!(triples("ar", "وقال المتحدث إن مشعل بحث مع وزير الخارجية الروسي الأوضاع في المنطقة."), vec![t("040", "", "RUSGOV")]);
    assert!(triples("ar", "وأفاد البيان أن الرسالة طالبت الأمم المتحدة بفتح تحقيق.").is_empty());
    // a possessive pronoun on the noun stands for the actor named before إن (aircraft bombing: 195)
    assert_eq!(triples("ar", "وقال الجيش الأردني إن طائراته قصفت أمس مواقع لتنظيم داعش."), vec![t("195", "JORMIL", "IMGMUSISI")]);
}

#[test]
fn arabic_actor_after_a_noun_with_a_preposition_is_no_subject_after_the_verb() {
    // "بقتل جندي": the soldier is the killing's object, not the one who threatens
    // (a threat that names the force it threatens is 138)
    assert_eq!(triples("ar", "وتوعد فيه بقتل جندي أردني أسير لدى التنظيم."), vec![t("138", "", "JORMIL")]);
}

#[test]
fn a_rebel_group_is_another_party_than_its_own_country() {
    assert_eq!(triples("ar", "وقصفت تركيا أمس مواقع لحزب العمال الكردستاني في شمال العراق."), vec![t("194", "TUR", "TURREBPKK")]);
}

#[test]
fn arabic_country_adjective_of_what_is_attacked_is_not_the_attacker() {
    // "على البلدات التركية": the towns are Turkish; the Russian aircraft did the killing
    assert_eq!(
        triples("ar", "وأوضح المتحدث أن الغارات التي نفذتها الطائرات الروسية على البلدات التركية أدت إلى مقتل خمسة مدنيين."),
        vec![t("180", "RUS", "CVL")]
    );
}

#[test]
fn a_verbal_noun_takes_no_subject_across_a_comma_that_opens_a_phrase() {
    let got = triples("ar", "وأكدت الولايات المتحدة دعمها للحرب على تنظيم داعش، وفي زيارة قصيرة للمنطقة الأسبوع الماضي، أكد الوزير أن التعاون مستمر.");
    assert!(got.iter().all(|e| e.1 != "IMGMUSISI"), "{got:?}");
    // an apposition's commas are no such break
    assert_eq!(triples("en", "A member of the Syrian parliament, Ali Hassan, started a hunger strike on Monday."), vec![t("142", "SYRLEG", "SYRGOV")]);
}

#[test]
fn english_verb_joined_by_and_shares_the_subject_not_the_earlier_object() {
    let got = triples("en", "The Iraqi foreign minister flew to the US on Monday and met the Jordanian king.");
    assert!(got.contains(&t("040", "IRQGOV", "JORGOV")) && got.iter().all(|e| e.1 != "USA" && e.1 != "JORGOV"), "{got:?}");
}

#[test]
fn english_participle_before_an_actor_says_what_was_done_to_it() {
    let got = triples("en", "Three kidnapped Turkish engineers were freed on Monday.");
    assert!(got.iter().all(|e| !(e.0 == "181" && e.1 == "TUR")), "{got:?}");
}

#[test]
fn english_speaker_and_the_person_after_said_that_are_two_actors() {
    assert_eq!(triples("en", "The ICC said that Omar al-Bashir had attacked civilians."), vec![t("180", "SDNGOV", "SDNCVL")]);
}

#[test]
fn arabic_bare_role_heading_a_definite_verbal_noun_is_no_doer() {
    // "نظام العقوبات": the sanctions regime, not a government imposing them
    let got = triples("ar", "وتستعد الشركات الإيرانية للخروج من نظام العقوبات الصارم.");
    assert!(got.iter().all(|e| e.1 != "GOV"), "{got:?}");
}

#[test]
fn english_agent_of_a_passive_after_a_noun_is_not_the_nouns_actor() {
    // the US prompted the protest; it did not protest
    let got = triples("en", "A protest on Friday was prompted by a US missile attack.");
    assert!(got.iter().all(|e| !(e.0.starts_with("14") && e.1.starts_with("USA"))), "{got:?}");
}

#[test]
fn english_actor_saying_something_after_and_is_no_object() {
    // "states" is the present of the report verb "stated": the government is the subject of a
    // clause of its own, not what Chile criticised
    let got = triples("en", "Chile criticized the tariffs sharply and the Peruvian government states it will appeal.");
    assert!(!got.iter().any(|(c, s, g)| c.starts_with("11") && s == "CHL" && g.starts_with("PER")), "{got:?}");
    assert!(got.iter().any(|(c, s, _)| c.starts_with("11") && s == "CHL"), "{got:?}");
}

#[test]
fn a_protest_against_an_act_is_aimed_at_its_doer() {
    // the protesters are in Mosul; what they protest is the Iranian shelling, not their government
    let got = triples("ar", "تظاهر مئات العراقيين في الموصل احتجاجا على القصف الإيراني.");
    assert!(got.iter().any(|(c, s, g)| c.starts_with("14") && s.starts_with("IRQ") && g.starts_with("IRN")), "{got:?}");
    assert!(!got.iter().any(|(c, _, g)| c.starts_with("14") && g == "IRQGOV"), "{got:?}");
    let got = triples("en", "Hundreds of Kenyan students protested in Nairobi against the Ugandan raids.");
    assert!(got.iter().any(|(c, s, g)| c.starts_with("14") && s.starts_with("KEN") && g.starts_with("UGA")), "{got:?}");
}

#[test]
fn arabic_verb_under_an_object_pronoun_has_its_subject_after_it() {
    // «رفضته»: feminine past under the pronoun of "it": Cairo is its subject, not its object
    let got = triples("ar", "ورفضته القاهرة على الفور.");
    assert_eq!(got.first().map(|(c, s, _)| (&c[..2], s.as_str())), Some(("12", "EGYGOV")), "{got:?}");
}

#[test]
fn arabic_what_the_speaker_said_is_what_is_rejected() {
    // «وهو ما رفضته عمّان»: Amman rejects what the Israeli minister said; the countries before
    // «ما» are what he spoke of, not the subject
    let got = triples("ar", "وقال وزير الخارجية الإسرائيلي إن التعاون بين مصر والأردن ضروري، وهو ما رفضته عمان على الفور.");
    assert!(got.iter().any(|(c, s, g)| c.starts_with("12") && s == "JORGOV" && g == "ISRGOV"), "{got:?}");
    assert!(!got.iter().any(|(c, s, _)| c.starts_with("12") && (s.starts_with("EGY") || s == "JOR")), "{got:?}");
}

#[test]
fn english_verb_after_and_shares_the_subject_before_its_objects() {
    // the listed countries are the objects of "named"; Canada criticised the three after "and"
    let got = triples("en", "Canada named Chile, Peru and Bolivia as partners and criticised Ecuador and Colombia for their tariffs.");
    let critics: Vec<_> = got.iter().filter(|(c, _, _)| c.starts_with("11")).collect();
    assert!(!critics.is_empty() && critics.iter().all(|(_, s, _)| s == "CAN"), "{got:?}");
    // with nothing before the objects, the actor before "and" is still the subject
    let got = triples("en", "The Kenyan army moved quickly and attacked Somali positions.");
    assert!(got.iter().any(|(c, s, g)| c.starts_with("19") && s == "KENMIL" && g.starts_with("SOM")), "{got:?}");
}

#[test]
fn a_country_named_is_not_a_town_of_another_country_sharing_its_name() {
    let ev = code_sentences(&article("en", "Rioting erupted in Tonga today over the slow pace of reform."), &Options::default()).events;
    let riot = ev.iter().find(|e| e.cameo_root == "14").expect("the riot");
    assert_eq!(riot.location.as_ref().and_then(|l| l.country.as_deref()), Some("TON"), "{:?}", riot.location);
}

#[test]
fn english_a_bomb_is_a_device_not_an_air_raid() {
    let got = triples("en", "Six policemen were injured by a bomb in Kirkuk on Monday.");
    assert!(!got.iter().any(|(c, _, _)| c.starts_with("195")), "{got:?}");
    let got = triples("en", "US planes bombed rebel positions near Kandahar on Monday.");
    assert!(got.iter().any(|(c, s, _)| c == "195" && s.starts_with("USA")), "{got:?}");
}

#[test]
fn english_noun_after_with_is_the_means_of_the_clauses_subject() {
    // the Hezbollah rockets are answered; the air strikes are Israel's
    let got = triples("en", "Israel answered Hezbollah rockets with air strikes on southern Lebanon on Monday.");
    assert!(got.iter().any(|(c, s, g)| c == "195" && s == "ISR" && g.starts_with("LBN")), "{got:?}");
    assert!(!got.iter().any(|(c, s, _)| c == "195" && s.starts_with("LBN")), "{got:?}");
}
