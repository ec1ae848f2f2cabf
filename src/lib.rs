//! The riskscreen widget (built in the widget issue).
