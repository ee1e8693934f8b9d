//! Every record of every kind, as one replica holds them, and a way to run
//! the same code over each kind in turn (the registry's one list).

use std::any::Any;

use super::collection::Holder;

/// Runs over every kind's records, read-only.
pub trait Visit {
    fn visit<H: Holder>(&mut self, name: &'static str, holder: &H);
}

/// Runs over every kind's records, changing them.
pub trait VisitMut {
    fn visit<H: Holder>(&mut self, name: &'static str, holder: &mut H);
}

macro_rules! records {
    ($($field:ident: $kind:ty => $holder:ty,)*) => {
        /// Every record of every kind.
        #[derive(Clone, Default)]
        pub struct Records {
            $(pub $field: $holder,)*
        }

        impl Records {
            pub fn visit(&self, visitor: &mut impl Visit) {
                $(visitor.visit(stringify!($field), &self.$field);)*
            }

            pub fn visit_mut(&mut self, visitor: &mut impl VisitMut) {
                $(visitor.visit(stringify!($field), &mut self.$field);)*
            }

            /// The records held by `H` (each kind has its own holder type):
            /// how code running over one kind finds the same kind elsewhere.
            pub fn of<H: Holder>(&self) -> &H {
                $(if let Some(holder) = (&self.$field as &dyn Any).downcast_ref::<H>() {
                    return holder;
                })*
                unreachable!("every holder is in the registry")
            }
        }

        /// Each kind's name in `Records` and in backups, in registry order.
        pub const NAMES: &[&str] = &[$(stringify!($field),)*];
    };
}

crate::registry!(records);
