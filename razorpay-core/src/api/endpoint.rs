//! The shape of one table entry: what an endpoint is called, where it lives, and how the
//! arguments of the official call become a path, a query and a body.

use serde::Serialize;

/// HTTP method of an endpoint.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "UPPERCASE")]
#[non_exhaustive]
pub enum HttpMethod {
    /// `GET`
    Get,
    /// `POST`
    Post,
    /// `PUT`
    Put,
    /// `PATCH`
    Patch,
    /// `DELETE`
    Delete,
}

impl HttpMethod {
    /// `GET`, `POST`, …
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Get => "GET",
            Self::Post => "POST",
            Self::Put => "PUT",
            Self::Patch => "PATCH",
            Self::Delete => "DELETE",
        }
    }
}

/// The API version prefix (`/v1/…` or `/v2/…`, the partner APIs).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum ApiVersion {
    /// `/v1/`
    V1,
    /// `/v2/` (accounts, stakeholders, products, account webhooks).
    V2,
}

impl ApiVersion {
    /// `v1` or `v2`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::V1 => "v1",
            Self::V2 => "v2",
        }
    }
}

/// What one positional argument of the official method is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ArgKind {
    /// An id (or another path segment such as a notification medium): a string of letters,
    /// digits and `_` substituted into the path.
    Id,
    /// The parameters object (query of a GET, body of a write).
    Params,
    /// A single value sent in the body under the argument's name (`capture`'s amount).
    Value,
    /// A flag sent as `1` when truthy and left out otherwise (`cancel_at_cycle_end`).
    Flag,
}

/// One positional argument of the official method, in the official order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Arg {
    /// Its name in the args object (snake_case, Razorpay's vocabulary).
    pub name: &'static str,
    /// What it is.
    pub kind: ArgKind,
    /// Whether the call is refused without it.
    pub required: bool,
}

/// A required path segment.
pub(crate) const fn id(name: &'static str) -> Arg {
    Arg {
        name,
        kind: ArgKind::Id,
        required: true,
    }
}

/// An optional path segment (it selects an alternate route).
pub(crate) const fn opt_id(name: &'static str) -> Arg {
    Arg {
        name,
        kind: ArgKind::Id,
        required: false,
    }
}

/// The optional parameters object, named `params`.
pub(crate) const PARAMS: Arg = Arg {
    name: "params",
    kind: ArgKind::Params,
    required: false,
};

/// The parameters object, required (the official method cannot run without it).
pub(crate) const REQUIRED_PARAMS: Arg = Arg {
    name: "params",
    kind: ArgKind::Params,
    required: true,
};

/// A required body value.
pub(crate) const fn value(name: &'static str) -> Arg {
    Arg {
        name,
        kind: ArgKind::Value,
        required: true,
    }
}

/// An optional body value.
pub(crate) const fn opt_value(name: &'static str) -> Arg {
    Arg {
        name,
        kind: ArgKind::Value,
        required: false,
    }
}

/// An optional flag.
pub(crate) const fn flag(name: &'static str) -> Arg {
    Arg {
        name,
        kind: ArgKind::Flag,
        required: false,
    }
}

/// A route taken instead of the endpoint's own when every argument in `when` is present
/// (`refunds.fetch` with `payment_id` → `payments/{payment_id}/refunds/{refund_id}`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Route {
    /// Arguments (or parameters) that must all be present and truthy.
    pub when: &'static [&'static str],
    /// Method of this route.
    pub method: HttpMethod,
    /// Version of this route.
    pub version: ApiVersion,
    /// Path template of this route.
    pub path: &'static str,
}

/// How `from`/`to`/`count`/`skip` are treated by a list call.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Window {
    /// Passed through as given.
    Raw,
    /// `from`/`to` as Unix seconds or date strings (converted to seconds), `count` defaulting
    /// to 10 and `skip` to 0, written after the other parameters.
    Normalized,
    /// As `Normalized`, written before the other parameters.
    NormalizedFirst,
}

/// How the parameters object becomes the query string.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct QuerySpec {
    /// Only these keys, in this order (`expand` stands for `expand[]`); `None`: every
    /// parameter, in the caller's order.
    pub pick: Option<&'static [&'static str]>,
    /// The list window.
    pub window: Window,
    /// Whether `expand[]` is also sent as the official package sends it (`expand[expand]=…`).
    pub expand: bool,
}

/// Every parameter, unchanged.
pub(crate) const SPREAD: QuerySpec = QuerySpec {
    pick: None,
    window: Window::Raw,
    expand: false,
};

/// Every parameter, with the normalized list window after them.
pub(crate) const LIST: QuerySpec = QuerySpec {
    pick: None,
    window: Window::Normalized,
    expand: false,
};

/// Only `keys`, with the normalized list window.
pub(crate) const fn pick(keys: &'static [&'static str]) -> QuerySpec {
    QuerySpec {
        pick: Some(keys),
        window: Window::Normalized,
        expand: false,
    }
}

/// How the body is made.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
#[non_exhaustive]
pub enum Body {
    /// No body.
    None,
    /// The parameters object as JSON; no body when it is absent.
    Params,
    /// The parameters object as JSON; `{}` when it is absent (the official default argument).
    ParamsOrEmpty,
    /// The parameters object with defaults filled in and some keys moved first, as the
    /// official package builds it (`orders.create`: `{currency: currency || 'INR', ...rest}`).
    Object {
        /// Keys set when missing or empty.
        defaults: &'static [(&'static str, &'static str)],
        /// Keys written first, in this order.
        front: &'static [&'static str],
        /// Keys the call is refused without.
        required: &'static [&'static str],
    },
    /// An object of the `Value` and `Flag` arguments.
    Args,
    /// `multipart/form-data`: the `file` parameter's content and the other parameters as text
    /// fields.
    Multipart,
}

/// Whether a call may be repeated after it may have reached Razorpay.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Retry {
    /// Repeating it cannot change anything twice (reads, PUT, DELETE, reads done by POST).
    Safe,
    /// Repeating it could do it twice.
    Unsafe,
    /// Safe when an idempotency key is sent (`X-Refund-Idempotency`), else unsafe.
    SafeWithKey,
}

/// One endpoint: the official method name and everything needed to build its request.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Endpoint {
    /// The official method name: `orders.create`, `payments.fetchMultipleRefund`, …
    pub name: &'static str,
    /// HTTP method.
    pub method: HttpMethod,
    /// API version.
    pub version: ApiVersion,
    /// Path template after the version, `{name}` replaced by the argument (or parameter) of
    /// that name. A literal query (`transfers?expand[]=recipient_settlement`) is kept.
    pub path: &'static str,
    /// Routes tried first, in order.
    pub routes: &'static [Route],
    /// Positional arguments, in the official order (the trailing callback excluded).
    pub args: &'static [Arg],
    /// How the parameters become a query (`None`: no query from parameters).
    pub query: Option<QuerySpec>,
    /// How the body is made.
    pub body: Body,
    /// Retry safety.
    pub retry: Retry,
    /// The `entity` of a successful answer, where Razorpay sends one.
    pub entity: Option<&'static str>,
}

impl Endpoint {
    /// An endpoint with no arguments, no query, no body, retry-safe when the method is.
    pub(crate) const fn new(
        name: &'static str,
        method: HttpMethod,
        path: &'static str,
        entity: Option<&'static str>,
    ) -> Self {
        Self {
            name,
            method,
            version: ApiVersion::V1,
            path,
            routes: &[],
            args: &[],
            query: None,
            body: Body::None,
            retry: match method {
                HttpMethod::Get | HttpMethod::Put | HttpMethod::Delete => Retry::Safe,
                HttpMethod::Post | HttpMethod::Patch => Retry::Unsafe,
            },
            entity,
        }
    }

    pub(crate) const fn args(mut self, args: &'static [Arg]) -> Self {
        self.args = args;
        self
    }

    pub(crate) const fn query(mut self, query: QuerySpec) -> Self {
        self.query = Some(query);
        self
    }

    pub(crate) const fn body(mut self, body: Body) -> Self {
        self.body = body;
        self
    }

    pub(crate) const fn v2(mut self) -> Self {
        self.version = ApiVersion::V2;
        self
    }

    pub(crate) const fn routes(mut self, routes: &'static [Route]) -> Self {
        self.routes = routes;
        self
    }

    pub(crate) const fn retry(mut self, retry: Retry) -> Self {
        self.retry = retry;
        self
    }

    /// The resource part of the name (`orders`).
    pub fn resource(&self) -> &'static str {
        self.name.split_once('.').map_or(self.name, |(r, _)| r)
    }

    /// The method part of the name (`create`).
    pub fn method_name(&self) -> &'static str {
        self.name.split_once('.').map_or(self.name, |(_, m)| m)
    }
}
