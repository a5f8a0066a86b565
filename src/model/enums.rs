//! The fixed vocabularies of the GDPR that a register uses (`shared/GDPR.md` §3).
//!
//! YAML values are the snake_case names. Finnish labels live in `templates/fi/labels.yaml`;
//! here each value knows only its name and the article it stands for.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Declares a vocabulary: an enum with its YAML names and article references.
macro_rules! vocabulary {
    (
        $(#[$meta:meta])*
        $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident = $yaml:literal, $article:literal; )*
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize, JsonSchema)]
        #[serde(rename_all = "snake_case")]
        pub enum $name {
            $( $(#[$vmeta])* $variant, )*
        }

        impl $name {
            /// Every value, in the order of the law.
            pub const ALL: &'static [$name] = &[$($name::$variant),*];

            /// The value as written in YAML.
            pub fn name(self) -> &'static str {
                match self { $($name::$variant => $yaml,)* }
            }

            /// The article (or point) this value stands for.
            pub fn article(self) -> &'static str {
                match self { $($name::$variant => $article,)* }
            }
        }
    };
}

vocabulary! {
    /// Mistä tiedot kerätään: ratkaisee, sovelletaanko 13 vai 14 artiklaa.
    ///
    /// Where the data come from: decides between Art 13 and Art 14.
    Collection {
        /// Tiedot kerätään rekisteröidyltä itseltään (13 artikla). — From the data subject (Art 13).
        DataSubject = "data_subject", "Art 13";
        /// Tiedot saadaan muualta (14 artikla). — From other sources (Art 14).
        OtherSources = "other_sources", "Art 14";
        /// Sekä rekisteröidyltä että muualta (13 ja 14 artikla). — Both (Art 13 and 14).
        Both = "both", "Art 13 and 14";
    }
}

impl Collection {
    /// Whether Art 13 applies (some data come from the person).
    pub fn art13(self) -> bool {
        matches!(self, Collection::DataSubject | Collection::Both)
    }

    /// Whether Art 14 applies (some data come from elsewhere).
    pub fn art14(self) -> bool {
        matches!(self, Collection::OtherSources | Collection::Both)
    }
}

vocabulary! {
    /// Käsittelyn oikeusperuste, 6 artiklan 1 kohta.
    ///
    /// Legal basis of processing, Art 6(1).
    LegalBasis {
        /// Suostumus, 6(1)(a). — Consent.
        Consent = "consent", "Art 6(1)(a)";
        /// Sopimus, 6(1)(b). — Contract.
        Contract = "contract", "Art 6(1)(b)";
        /// Lakisääteinen velvoite, 6(1)(c). — Legal obligation.
        LegalObligation = "legal_obligation", "Art 6(1)(c)";
        /// Elintärkeä etu, 6(1)(d). — Vital interests.
        VitalInterests = "vital_interests", "Art 6(1)(d)";
        /// Yleinen etu tai julkisen vallan käyttö, 6(1)(e). — Public task.
        PublicTask = "public_task", "Art 6(1)(e)";
        /// Oikeutettu etu, 6(1)(f). — Legitimate interests.
        LegitimateInterests = "legitimate_interests", "Art 6(1)(f)";
    }
}

vocabulary! {
    /// Erityiset henkilötietoryhmät, 9 artiklan 1 kohta.
    ///
    /// Special categories of personal data, Art 9(1).
    SpecialCategory {
        /// Rotu tai etninen alkuperä. — Racial or ethnic origin.
        RacialOrEthnicOrigin = "racial_or_ethnic_origin", "Art 9(1)";
        /// Poliittiset mielipiteet. — Political opinions.
        PoliticalOpinions = "political_opinions", "Art 9(1)";
        /// Uskonnollinen tai filosofinen vakaumus. — Religious or philosophical beliefs.
        ReligiousOrPhilosophicalBeliefs = "religious_or_philosophical_beliefs", "Art 9(1)";
        /// Ammattiliiton jäsenyys. — Trade union membership.
        TradeUnionMembership = "trade_union_membership", "Art 9(1)";
        /// Geneettiset tiedot. — Genetic data.
        Genetic = "genetic", "Art 9(1)";
        /// Biometriset tiedot tunnistamista varten. — Biometric data for identification.
        Biometric = "biometric", "Art 9(1)";
        /// Terveystiedot. — Data concerning health.
        Health = "health", "Art 9(1)";
        /// Seksuaalinen käyttäytyminen tai suuntautuminen. — Sex life or sexual orientation.
        SexLifeOrOrientation = "sex_life_or_orientation", "Art 9(1)";
    }
}

vocabulary! {
    /// Erityisen henkilötietoryhmän käsittelyn edellytys, 9 artiklan 2 kohta.
    ///
    /// The condition that allows processing a special category, Art 9(2).
    Condition {
        /// Nimenomainen suostumus, 9(2)(a). — Explicit consent.
        ExplicitConsent = "explicit_consent", "Art 9(2)(a)";
        /// Työoikeus, sosiaaliturva ja sosiaalinen suojelu, 9(2)(b). — Employment, social security.
        Employment = "employment", "Art 9(2)(b)";
        /// Elintärkeä etu, kun henkilö ei voi antaa suostumusta, 9(2)(c). — Vital interests.
        VitalInterests = "vital_interests", "Art 9(2)(c)";
        /// Voittoa tavoittelematon yhteisö, 9(2)(d). — Not-for-profit body.
        NotForProfit = "not_for_profit", "Art 9(2)(d)";
        /// Henkilön itse julkistamat tiedot, 9(2)(e). — Made public by the data subject.
        MadePublic = "made_public", "Art 9(2)(e)";
        /// Oikeusvaateet, 9(2)(f). — Legal claims.
        LegalClaims = "legal_claims", "Art 9(2)(f)";
        /// Tärkeä yleinen etu, 9(2)(g). — Substantial public interest.
        SubstantialPublicInterest = "substantial_public_interest", "Art 9(2)(g)";
        /// Terveyden- tai sosiaalihuolto, työterveyshuolto, 9(2)(h). — Health or social care.
        HealthCare = "health_care", "Art 9(2)(h)";
        /// Kansanterveys, 9(2)(i). — Public health.
        PublicHealth = "public_health", "Art 9(2)(i)";
        /// Arkistointi, tutkimus tai tilastointi, 9(2)(j). — Archiving, research, statistics.
        Research = "research", "Art 9(2)(j)";
    }
}

impl Condition {
    /// Whether the condition rests on Union or Member State law, which the notice should name
    /// (9(2)(b), (g), (h), (i), (j); in Finland tietosuojalaki 1050/2018 § 6 and sector acts).
    pub fn needs_law(self) -> bool {
        matches!(
            self,
            Condition::Employment
                | Condition::SubstantialPublicInterest
                | Condition::HealthCare
                | Condition::PublicHealth
                | Condition::Research
        )
    }
}

vocabulary! {
    /// Onko tietojen antaminen pakollista, 13 artiklan 2 kohdan e alakohta.
    ///
    /// Whether the person must provide the data, Art 13(2)(e).
    Provision {
        /// Laissa säädetty vaatimus. — A statutory requirement.
        Statutory = "statutory", "Art 13(2)(e)";
        /// Sopimukseen perustuva vaatimus. — A contractual requirement.
        Contractual = "contractual", "Art 13(2)(e)";
        /// Sopimuksen tekemisen edellytys. — A requirement necessary to enter into a contract.
        ContractPrecondition = "contract_precondition", "Art 13(2)(e)";
        /// Vapaaehtoista. — Voluntary.
        Voluntary = "voluntary", "Art 13(2)(e)";
    }
}

vocabulary! {
    /// Miten tieto syntyy: annettu, havainnoitu vai johdettu.
    ///
    /// How the data arise: provided by the person, observed, or derived by the controller.
    Obtained {
        /// Rekisteröity antaa tiedot itse (13(2)(e) koskee niitä). — Provided by the data subject.
        Provided = "provided", "Art 13(2)(e)";
        /// Tieto syntyy havainnoimalla, esim. sivujen katselu, kameran kuva tai puhelun tiedot
        /// (13 artikla, WP260 rev.01 kohta 26). — Observed, e.g. page views, camera images.
        Observed = "observed", "Art 13";
        /// Rekisterinpitäjä johtaa tiedon muista tiedoista, esim. sijainnin IP-osoitteesta.
        /// — Derived by the controller, e.g. a location inferred from an IP address.
        Derived = "derived", "Art 13, 14";
    }
}

impl Obtained {
    /// Whether the data subject provides the data, so that 13(2)(e) can apply to them.
    pub fn provided(self) -> bool {
        self == Obtained::Provided
    }
}

vocabulary! {
    /// Vastaanottajan asema.
    ///
    /// A recipient's role, Art 4(9), 4(8), 26.
    RecipientRole {
        /// Henkilötietojen käsittelijä (4(8), 28). — Processor acting for the controller.
        Processor = "processor", "Art 28";
        /// Yhteisrekisterinpitäjä (26). — Joint controller.
        JointController = "joint_controller", "Art 26";
        /// Sivullinen, joka saa tiedot omaan käyttöönsä; ks. myös `controller` ja
        /// `private_person`. — Third party (4(10)); see also `controller` and `private_person`.
        ThirdParty = "third_party", "Art 4(10)";
        /// Itsenäinen rekisterinpitäjä, joka käyttää tietoja omiin tarkoituksiinsa. — An
        /// independent controller, using the data for its own purposes (4(7)).
        Controller = "controller", "Art 4(7)";
        /// Yksityishenkilö, esim. omainen tai valtuutettu edustaja. — A private person, e.g. a
        /// relative or an authorised representative (a third party under 4(10), not a controller).
        PrivatePerson = "private_person", "Art 4(10)";
        /// Viranomainen, jolle tietoja luovutetaan lain perusteella. — Public authority.
        Authority = "authority", "Art 4(9)";
    }
}

vocabulary! {
    /// Siirtoperuste EU:n ja ETA:n ulkopuolelle.
    ///
    /// The ground for a transfer outside the EU/EEA, Art 45–49.
    Mechanism {
        /// Komission tietosuojan riittävyyttä koskeva päätös. — Adequacy decision.
        Adequacy = "adequacy", "Art 45";
        /// Viranomaisten välinen oikeudellisesti sitova asiakirja. — Legally binding instrument between authorities.
        LegallyBindingInstrument = "legally_binding_instrument", "Art 46(2)(a)";
        /// Yritystä koskevat sitovat säännöt. — Binding corporate rules.
        BindingCorporateRules = "binding_corporate_rules", "Art 46(2)(b), 47";
        /// Komission vakiolausekkeet. — Standard contractual clauses.
        StandardContractualClauses = "standard_contractual_clauses", "Art 46(2)(c)";
        /// Valvontaviranomaisen hyväksymät vakiolausekkeet. — Clauses adopted by a supervisory authority.
        SupervisoryAuthorityClauses = "supervisory_authority_clauses", "Art 46(2)(d)";
        /// Hyväksytyt käytännesäännöt. — Approved code of conduct.
        CodeOfConduct = "code_of_conduct", "Art 46(2)(e)";
        /// Hyväksytty sertifiointimekanismi. — Approved certification.
        Certification = "certification", "Art 46(2)(f)";
        /// Valvontaviranomaisen luvalla sovitut sopimuslausekkeet. — Authorised contractual clauses.
        AuthorisedContractualClauses = "authorised_contractual_clauses", "Art 46(3)(a)";
        /// Viranomaisten hallinnolliset järjestelyt. — Administrative arrangements.
        AdministrativeArrangements = "administrative_arrangements", "Art 46(3)(b)";
        /// Poikkeus erityistilanteissa (49(1)(a)–(g)); kerro mikä kentässä `derogation`. — Derogation.
        Derogation = "derogation", "Art 49(1)";
        /// Pakottava oikeutettu etu (49(1) toinen alakohta). — Compelling legitimate interests.
        CompellingLegitimateInterests = "compelling_legitimate_interests", "Art 49(1) second subparagraph";
    }
}

impl Mechanism {
    /// Whether the mechanism is an appropriate safeguard of Art 46/47, of which the person can
    /// obtain a copy (13(1)(f)).
    pub fn is_safeguard(self) -> bool {
        !matches!(
            self,
            Mechanism::Adequacy | Mechanism::Derogation | Mechanism::CompellingLegitimateInterests
        )
    }
}

vocabulary! {
    /// Poikkeusperuste, 49 artiklan 1 kohta.
    ///
    /// The derogation a transfer relies on, Art 49(1)(a)–(g).
    Derogation {
        /// Nimenomainen suostumus. — Explicit consent.
        ExplicitConsent = "explicit_consent", "Art 49(1)(a)";
        /// Sopimuksen täytäntöönpano rekisteröidyn kanssa. — Contract with the data subject.
        Contract = "contract", "Art 49(1)(b)";
        /// Sopimus rekisteröidyn edun mukaisesti. — Contract in the data subject's interest.
        ContractInInterest = "contract_in_interest", "Art 49(1)(c)";
        /// Tärkeä yleinen etu. — Important reasons of public interest.
        PublicInterest = "public_interest", "Art 49(1)(d)";
        /// Oikeusvaateet. — Legal claims.
        LegalClaims = "legal_claims", "Art 49(1)(e)";
        /// Elintärkeät edut. — Vital interests.
        VitalInterests = "vital_interests", "Art 49(1)(f)";
        /// Julkinen rekisteri. — Public register.
        PublicRegister = "public_register", "Art 49(1)(g)";
    }
}

vocabulary! {
    /// Rekisteröidyn oikeudet.
    ///
    /// The rights of the data subject (Art 15–22, 7(3), 77).
    Right {
        /// Oikeus saada pääsy tietoihin. — Access.
        Access = "access", "Art 15";
        /// Oikeus tietojen oikaisemiseen. — Rectification.
        Rectification = "rectification", "Art 16";
        /// Oikeus tietojen poistamiseen. — Erasure.
        Erasure = "erasure", "Art 17";
        /// Oikeus käsittelyn rajoittamiseen. — Restriction.
        Restriction = "restriction", "Art 18";
        /// Ilmoitusvelvollisuus oikaisusta, poistosta ja rajoittamisesta. — Notification of
        /// rectification, erasure or restriction to the recipients.
        Notification = "notification", "Art 19";
        /// Oikeus siirtää tiedot järjestelmästä toiseen. — Portability.
        Portability = "portability", "Art 20";
        /// Vastustamisoikeus. — Objection.
        Objection = "objection", "Art 21";
        /// Oikeus olla joutumatta automaattisen päätöksen kohteeksi. — Automated decisions.
        AutomatedDecisions = "automated_decisions", "Art 22";
        /// Oikeus peruuttaa suostumus. — Withdrawal of consent.
        WithdrawConsent = "withdraw_consent", "Art 7(3)";
        /// Oikeus tehdä valitus valvontaviranomaiselle. — Complaint.
        Complaint = "complaint", "Art 77";
    }
}

vocabulary! {
    /// Säännön taso.
    ///
    /// How a rule's findings are treated, set per rule in `settings.lints`.
    Level {
        /// Ei raportoida. — Not reported.
        Allow = "allow", "";
        /// Varoitus. — Reported as a warning.
        Warn = "warn", "";
        /// Virhe. — Reported as an error.
        Deny = "deny", "";
    }
}
