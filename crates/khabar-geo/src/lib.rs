//! An offline gazetteer: every GeoNames place of 15,000+ people plus every country, with Arabic
//! and English names, compiled into the binary from `lexicons/geo/` (see NOTICE: GeoNames,
//! CC BY 4.0).
//!
//! [`Gazetteer::find`] finds place names in a token sequence; [`Gazetteer::choose`] picks one of
//! several same-named places, preferring the countries the story is about, then capitals, then
//! the most populous.
#![deny(missing_docs)]

use std::sync::OnceLock;

use khabar_core::Location;
use khabar_lexicon::PhraseMatcher;
use khabar_text::Token;

const PLACES_TSV: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../lexicons/geo/places.tsv"));
const COUNTRIES_TSV: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../lexicons/geo/countries.tsv"));

/// A populated place.
#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    /// GeoNames id.
    pub geonameid: u64,
    /// English name.
    pub name: &'static str,
    /// ISO3 country code.
    pub iso3: &'static str,
    /// GeoNames ADM1 code ("SY.13").
    pub adm1: &'static str,
    /// Latitude.
    pub lat: f64,
    /// Longitude.
    pub lon: f64,
    /// Population.
    pub population: u64,
    /// It is its country's capital.
    pub capital: bool,
}

/// A country.
#[derive(Debug, Clone, PartialEq)]
pub struct Country {
    /// ISO 3166 alpha-3.
    pub iso3: &'static str,
    /// ISO 3166 alpha-2.
    pub iso2: &'static str,
    /// FIPS 10-4 code, which GDELT's geo columns use.
    pub fips: &'static str,
    /// English name.
    pub name: &'static str,
    /// Population-weighted centre.
    pub lat: Option<f64>,
    /// Population-weighted centre.
    pub lon: Option<f64>,
    /// GeoNames id of the capital.
    pub capital: Option<u64>,
}

/// A place name found in text, with every place it may stand for.
#[derive(Debug, Clone)]
pub struct PlaceMention {
    /// First token.
    pub start: usize,
    /// Just past the last token.
    pub end: usize,
    /// Indexes into [`Gazetteer::places`].
    pub candidates: Vec<u32>,
    /// Byte length of the proclitics on the first token ("ب" in "بدمشق").
    pub prefix_len: usize,
}

/// Places and countries, with name matchers for Arabic and Latin script.
pub struct Gazetteer {
    places: Vec<Place>,
    countries: Vec<Country>,
    arabic: PhraseMatcher<Vec<u32>>,
    latin: PhraseMatcher<Vec<u32>>,
}

impl Gazetteer {
    /// The compiled-in gazetteer, built on first use.
    pub fn get() -> &'static Gazetteer {
        static G: OnceLock<Gazetteer> = OnceLock::new();
        G.get_or_init(|| Gazetteer::parse(PLACES_TSV, COUNTRIES_TSV))
    }

    fn parse(places_tsv: &'static str, countries_tsv: &'static str) -> Gazetteer {
        let mut countries = Vec::new();
        for line in countries_tsv.lines().filter(|l| !l.starts_with('#') && !l.starts_with("iso3\t")) {
            let f: Vec<&'static str> = line.split('\t').collect();
            if f.len() < 7 {
                continue;
            }
            countries.push(Country {
                iso3: f[0],
                iso2: f[1],
                fips: f[2],
                name: f[3],
                lat: f[4].parse().ok(),
                lon: f[5].parse().ok(),
                capital: f[6].parse().ok(),
            });
        }
        let capitals: std::collections::HashSet<u64> = countries.iter().filter_map(|c| c.capital).collect();
        let mut places = Vec::new();
        let mut names: std::collections::HashMap<(bool, &'static str), Vec<u32>> = std::collections::HashMap::new();
        for line in places_tsv.lines().filter(|l| !l.starts_with('#') && !l.starts_with("geonameid\t")) {
            let f: Vec<&'static str> = line.split('\t').collect();
            if f.len() < 9 {
                continue;
            }
            let Ok(id) = f[0].parse() else { continue };
            let idx = places.len() as u32;
            places.push(Place {
                geonameid: id,
                name: f[1],
                iso3: f[2],
                adm1: f[3],
                lat: f[5].parse().unwrap_or(0.0),
                lon: f[6].parse().unwrap_or(0.0),
                population: f[7].parse().unwrap_or(0),
                capital: capitals.contains(&id),
            });
            for n in f[8].split('|').filter(|n| !n.is_empty()) {
                let arabic = n.chars().any(|c| khabar_text::script_of(c) == Some(khabar_text::Script::Arabic));
                let list = names.entry((arabic, n)).or_default();
                if !list.contains(&idx) {
                    list.push(idx);
                }
            }
        }
        let mut arabic = PhraseMatcher::new("ar");
        let mut latin = PhraseMatcher::new("en");
        let mut entries: Vec<_> = names.into_iter().collect();
        entries.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        for ((is_ar, name), ids) in entries {
            if is_ar {
                arabic.insert(name, ids);
            } else {
                latin.insert(name, ids);
            }
        }
        Gazetteer { places, countries, arabic, latin }
    }

    /// Every place, in GeoNames id order.
    pub fn places(&self) -> &[Place] {
        &self.places
    }

    /// A country by ISO3 code.
    pub fn country(&self, iso3: &str) -> Option<&Country> {
        self.countries.iter().find(|c| c.iso3 == iso3)
    }

    /// A place by GeoNames id.
    pub fn by_id(&self, id: u64) -> Option<&Place> {
        self.places.binary_search_by_key(&id, |p| p.geonameid).ok().map(|i| &self.places[i])
    }

    /// Place names in a token sequence of the given language, longest first, left to right.
    /// Latin names must be capitalised in the original text (`text`) so common words
    /// ("Mobile", "Split") are not taken for places.
    pub fn find(&self, text: &str, toks: &[Token], lang: &str) -> Vec<PlaceMention> {
        let matcher = if lang == "ar" { &self.arabic } else { &self.latin };
        matcher
            .find_all(toks)
            .into_iter()
            .filter(|m| lang == "ar" || text[toks[m.start].start..].starts_with(|c: char| c.is_uppercase()))
            .map(|m| PlaceMention { start: m.start, end: m.end, candidates: m.value.clone(), prefix_len: m.prefix_len })
            .collect()
    }

    /// Picks the most likely place among candidates: one in a context country first (the
    /// dateline's, the actors'), then a capital, then the most populous.
    pub fn choose(&self, candidates: &[u32], context: &[&str]) -> Option<&Place> {
        candidates.iter().map(|&i| &self.places[i as usize]).max_by_key(|p| {
            let in_context = context.iter().position(|c| *c == p.iso3).map(|k| 100 - k).unwrap_or(0);
            (in_context, p.capital, p.population)
        })
    }

    /// The output form of a place.
    pub fn location(&self, p: &Place, basis: &str) -> Location {
        Location {
            name: p.name.to_string(),
            country: Some(p.iso3.to_string()),
            adm1: Some(p.adm1.to_string()).filter(|a| !a.is_empty()),
            lat: Some(p.lat),
            lon: Some(p.lon),
            geonameid: Some(p.geonameid),
            basis: basis.to_string(),
        }
    }

    /// The output form of a country-level location.
    pub fn country_location(&self, iso3: &str, basis: &str) -> Option<Location> {
        let c = self.country(iso3)?;
        Some(Location {
            name: c.name.to_string(),
            country: Some(c.iso3.to_string()),
            adm1: None,
            lat: c.lat,
            lon: c.lon,
            geonameid: None,
            basis: basis.to_string(),
        })
    }

    /// Geocodes a free-standing place name (a dateline's "DAMASCUS" or "دمشق").
    pub fn geocode(&self, name: &str, context: &[&str]) -> Option<&Place> {
        let toks = khabar_text::tokens(name);
        if toks.is_empty() {
            return None;
        }
        let lang = if name.chars().any(|c| khabar_text::script_of(c) == Some(khabar_text::Script::Arabic)) { "ar" } else { "en" };
        let matcher = if lang == "ar" { &self.arabic } else { &self.latin };
        let m = matcher.longest_at(&toks, 0).filter(|m| m.end == toks.len())?;
        self.choose(m.value, context)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn damascus_in_both_scripts() {
        let g = Gazetteer::get();
        for name in ["دمشق", "Damascus", "DAMASCUS", "بدمشق"] {
            let p = g.geocode(name, &[]).unwrap_or_else(|| panic!("{name}"));
            assert_eq!((p.geonameid, p.iso3), (170654, "SYR"), "{name}");
            assert!((p.lat - 33.51).abs() < 0.05 && (p.lon - 36.29).abs() < 0.05);
            assert!(p.capital);
        }
    }

    #[test]
    fn tripoli_follows_the_story_country() {
        let g = Gazetteer::get();
        assert_eq!(g.geocode("طرابلس", &["LBN"]).unwrap().iso3, "LBN");
        assert_eq!(g.geocode("Tripoli", &["LBY"]).unwrap().iso3, "LBY");
        // without context the capital wins
        assert_eq!(g.geocode("Tripoli", &[]).unwrap().iso3, "LBY");
    }

    #[test]
    fn lowercase_latin_words_are_not_places() {
        let g = Gazetteer::get();
        let text = "a mobile unit split off";
        let found = g.find(text, &khabar_text::tokens(text), "en");
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn countries_have_fips_and_centres() {
        let g = Gazetteer::get();
        let syr = g.country("SYR").unwrap();
        assert_eq!(syr.fips, "SY");
        assert!(syr.lat.is_some());
        assert_eq!(g.country("ISR").unwrap().fips, "IS");
    }
}

#[cfg(test)]
mod find_tests {
    use super::*;

    #[test]
    fn arabic_place_after_a_preposition_is_found() {
        let g = Gazetteer::get();
        let text = "ووصل وزير الخارجية الفرنسي إلى القاهرة أمس";
        let toks = khabar_text::tokens(text);
        let found: Vec<_> = g.find(text, &toks, "ar").into_iter().map(|m| (m.start, g.places[m.candidates[0] as usize].name)).collect();
        assert!(found.iter().any(|(s, n)| *s == 5 && *n == "Cairo"), "{found:?}");
    }
}
