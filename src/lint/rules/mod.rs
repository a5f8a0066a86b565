//! The rules, one file each. [`RULES`] lists them in the order of a notice: controller,
//! purposes, data, sources, recipients, transfers, retention, rights, wording, dates.

use super::Rule;

pub mod access_request_limit;
pub mod adequacy_not_in_force;
pub mod ambiguous_legal_basis;
pub mod chapter_reference_case;
pub mod consent_for_necessary_cookie;
pub mod contradicting_right_note;
pub mod cookie_without_consent;
pub mod criminal_data_without_law;
pub mod dangling_reference;
pub mod derogation_before_safeguard;
pub mod dissolved_controller;
pub mod hedged_recipients;
pub mod incomplete_recipient;
pub mod incomplete_transfer;
pub mod invalid_business_id;
pub mod invalid_email;
pub mod invalid_phone;
pub mod invalid_suppression;
pub mod invalid_url;
pub mod legitimate_interests_by_public_authority;
pub mod marketing_data_unstated;
pub mod missing_automated_decisions;
pub mod missing_collection;
pub mod missing_contact;
pub mod missing_controller_details;
pub mod missing_data_categories;
pub mod missing_decision_logic;
pub mod missing_dpo_contact;
pub mod missing_law_reference;
pub mod missing_legal_basis;
pub mod missing_legitimate_interest;
pub mod missing_provision_statement;
pub mod missing_purposes;
pub mod missing_recipients;
pub mod missing_representative;
pub mod missing_retention;
pub mod missing_safeguard_copy;
pub mod missing_sources;
pub mod missing_title;
pub mod missing_transfers;
pub mod missing_updated;
pub mod note_for_inapplicable_right;
pub mod outdated_supervisory_authority;
pub mod outdated_term;
pub mod placeholder_left;
pub mod provision_for_unprovided_data;
pub mod public_authority_without_dpo;
pub mod recipient_without_role;
pub mod redundant_right_note;
pub mod relative_link;
pub mod repealed_act;
pub mod restriction_without_law;
pub mod single_contact_channel;
pub mod special_category_marketing;
pub mod special_category_without_condition;
pub mod special_category_without_law;
pub mod stale_notice;
pub mod stale_schema;
pub mod transfer_within_eea;
pub mod uncovered_retention;
pub mod undeclared_direct_marketing;
pub mod undeclared_transfer;
pub mod unknown_reference;
pub mod unnamed_transfer_country;
pub mod unrendered_markdown;
pub mod unused_definition;
pub mod unused_suppression;
pub mod updated_in_future;
pub mod vague_legitimate_interest;
pub mod vague_purpose;
pub mod vague_recipient;
pub mod vague_retention;
pub mod vague_source;

/// Every rule, in the order of a notice.
pub static RULES: &[&Rule] = &[
    &missing_controller_details::RULE,
    &dissolved_controller::RULE,
    &invalid_business_id::RULE,
    &invalid_email::RULE,
    &invalid_phone::RULE,
    &invalid_url::RULE,
    &single_contact_channel::RULE,
    &missing_contact::RULE,
    &missing_dpo_contact::RULE,
    &public_authority_without_dpo::RULE,
    &missing_representative::RULE,
    &missing_title::RULE,
    &missing_collection::RULE,
    &unknown_reference::RULE,
    &missing_purposes::RULE,
    &missing_legal_basis::RULE,
    &ambiguous_legal_basis::RULE,
    &missing_legitimate_interest::RULE,
    &vague_legitimate_interest::RULE,
    &legitimate_interests_by_public_authority::RULE,
    &missing_law_reference::RULE,
    &vague_purpose::RULE,
    &undeclared_direct_marketing::RULE,
    &special_category_marketing::RULE,
    &marketing_data_unstated::RULE,
    &missing_data_categories::RULE,
    &special_category_without_condition::RULE,
    &special_category_without_law::RULE,
    &criminal_data_without_law::RULE,
    &missing_provision_statement::RULE,
    &provision_for_unprovided_data::RULE,
    &missing_sources::RULE,
    &vague_source::RULE,
    &missing_recipients::RULE,
    &hedged_recipients::RULE,
    &incomplete_recipient::RULE,
    &recipient_without_role::RULE,
    &vague_recipient::RULE,
    &missing_transfers::RULE,
    &incomplete_transfer::RULE,
    &unnamed_transfer_country::RULE,
    &adequacy_not_in_force::RULE,
    &missing_safeguard_copy::RULE,
    &derogation_before_safeguard::RULE,
    &transfer_within_eea::RULE,
    &undeclared_transfer::RULE,
    &missing_retention::RULE,
    &vague_retention::RULE,
    &uncovered_retention::RULE,
    &missing_automated_decisions::RULE,
    &missing_decision_logic::RULE,
    &cookie_without_consent::RULE,
    &dangling_reference::RULE,
    &consent_for_necessary_cookie::RULE,
    &restriction_without_law::RULE,
    &note_for_inapplicable_right::RULE,
    &contradicting_right_note::RULE,
    &redundant_right_note::RULE,
    &outdated_supervisory_authority::RULE,
    &repealed_act::RULE,
    &outdated_term::RULE,
    &chapter_reference_case::RULE,
    &access_request_limit::RULE,
    &placeholder_left::RULE,
    &unrendered_markdown::RULE,
    &relative_link::RULE,
    &missing_updated::RULE,
    &updated_in_future::RULE,
    &stale_notice::RULE,
    &unused_definition::RULE,
    &invalid_suppression::RULE,
    &unused_suppression::RULE,
    &stale_schema::RULE,
];
