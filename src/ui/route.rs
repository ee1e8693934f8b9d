//! The app's sections and their URLs. Routes live in the URL's fragment
//! (`#/journal`) so the app works from any static folder, on reload, and
//! offline, without a server rewriting paths to index.html.

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Route {
    #[default]
    Today,
    Journal,
    CheckIn,
    Dates,
    Talk,
    Progress,
    Settings,
    /// Two phones: pairing, sending and opening codes. Not a section of its
    /// own in the navigation: reached from Settings, and by a code's link.
    Partner,
    /// The welcome: a first visit, or reopened from Settings.
    Welcome,
}

impl Route {
    /// The bottom bar's five tabs. The other sections sit under one of them
    /// (see `tab`) and keep their own addresses.
    pub const TABS: [Route; 5] = [
        Route::Today,
        Route::Journal,
        Route::Dates,
        Route::Talk,
        Route::Progress,
    ];

    pub const ALL: [Route; 7] = [
        Route::Today,
        Route::Journal,
        Route::CheckIn,
        Route::Dates,
        Route::Talk,
        Route::Progress,
        Route::Settings,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            Route::Today => "today",
            Route::Journal => "journal",
            Route::CheckIn => "check-in",
            Route::Dates => "dates",
            Route::Talk => "talk",
            Route::Progress => "progress",
            Route::Settings => "settings",
            Route::Partner => "partner",
            Route::Welcome => "welcome",
        }
    }

    pub fn href(self) -> String {
        format!("#/{}", self.slug())
    }

    pub fn label(self) -> &'static str {
        match self {
            Route::Today => "Today",
            Route::Journal => "Journal",
            Route::CheckIn => "Check-in",
            Route::Dates => "Dates",
            Route::Talk => "Talk",
            Route::Progress => "Progress",
            Route::Settings => "Settings",
            Route::Partner => "Two phones",
            Route::Welcome => "Welcome",
        }
    }

    /// The tab this section sits under: the check-in is a talk; Progress,
    /// Two phones and Settings are about the two of you ("Us"). The welcome
    /// sits under none.
    pub fn tab(self) -> Option<Route> {
        match self {
            Route::CheckIn => Some(Route::Talk),
            Route::Settings | Route::Partner => Some(Route::Progress),
            Route::Welcome => None,
            other => Some(other),
        }
    }

    /// The tab's own label: "Us" for the group Progress leads.
    pub fn tab_label(self) -> &'static str {
        match self {
            Route::Progress => "Us",
            other => other.label(),
        }
    }

    /// The sections sharing this one's tab, in order, when there are several.
    pub fn siblings(self) -> &'static [Route] {
        match self.tab() {
            Some(Route::Talk) => &[Route::Talk, Route::CheckIn],
            Some(Route::Progress) => &[Route::Progress, Route::Partner, Route::Settings],
            _ => &[],
        }
    }

    /// Parses `location.hash`; anything unknown (or empty) opens Today. A
    /// partner's code in the link (`#rk1.…`) opens Two phones.
    pub fn from_hash(hash: &str) -> Route {
        let slug = hash.trim_start_matches('#').trim_start_matches('/');
        if slug.starts_with("rk1.") {
            return Route::Partner;
        }
        let slug = slug.split(['/', '?']).next().unwrap_or_default();
        Route::ALL
            .into_iter()
            .chain([Route::Partner, Route::Welcome])
            .find(|route| route.slug() == slug)
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::Route;

    #[test]
    fn every_route_round_trips_through_its_href() {
        for route in Route::ALL {
            assert_eq!(Route::from_hash(&route.href()), route);
        }
    }

    #[test]
    fn every_section_sits_under_one_of_five_tabs() {
        for route in Route::ALL.into_iter().chain([Route::Partner]) {
            let tab = route.tab().expect("a tab");
            assert!(Route::TABS.contains(&tab), "{route:?}");
            assert!(tab.siblings().is_empty() || tab.siblings().contains(&route));
        }
        assert_eq!(Route::Welcome.tab(), None);
    }

    #[test]
    fn unknown_or_empty_hashes_open_today() {
        for hash in ["", "#", "#/", "#/nowhere", "#journalx", "garbage"] {
            assert_eq!(Route::from_hash(hash), Route::Today, "{hash}");
        }
        assert_eq!(Route::from_hash("#/journal/extra"), Route::Journal);
        assert_eq!(Route::from_hash("#/partner"), Route::Partner);
        assert_eq!(
            Route::from_hash("#rk1.0123.4567.1.0.1-1.abc"),
            Route::Partner
        );
    }
}
