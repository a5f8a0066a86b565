//! What the notice must say about the controller (Art 13(1)(a), 14(1)(a)): its name and a way
//! to reach it — decided once, for `missing-controller-details` and the draft's marker.

use serde::Serialize;

use crate::model::channels::any_given;
use crate::model::{Project, nonblank};

/// What the controller block lacks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct ControllerApplicability {
    /// `seloste.yaml` has no `controller` at all.
    pub absent: bool,
    /// The controller has no `name`.
    pub name_missing: bool,
    /// The controller gives no address, e-mail or phone.
    pub contact_missing: bool,
}

impl ControllerApplicability {
    /// What `project`'s controller lacks.
    pub fn of(project: &Project) -> ControllerApplicability {
        match project.controller() {
            None => ControllerApplicability {
                absent: true,
                name_missing: true,
                contact_missing: true,
            },
            Some(c) => ControllerApplicability {
                absent: false,
                name_missing: nonblank(&c.name).is_none(),
                contact_missing: nonblank(&c.address).is_none()
                    && !any_given(&c.email)
                    && !any_given(&c.phone),
            },
        }
    }

    /// Whether anything the law requires of the controller is missing.
    pub fn missing(&self) -> bool {
        self.absent || self.name_missing || self.contact_missing
    }
}
