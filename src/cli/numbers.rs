//! Numbers in options and messages as a person types and reads them: ranges said in words ("1 or more", not
//! `1..18446744073709551615`), and nouns that agree with their count ("1 meeting", "2 meetings").

/// A parser of a whole number from `min` up to `max` (`None`: no upper bound), for clap.
pub fn whole(min: u64, max: Option<u64>) -> impl Fn(&str) -> Result<u64, String> + Clone {
    move |s: &str| {
        let range = match max {
            Some(max) => format!("from {min} to {max}"),
            None => format!("{min} or more"),
        };
        match s.trim().parse::<u64>() {
            Ok(n) if n >= min && max.is_none_or(|max| n <= max) => Ok(n),
            _ => Err(format!("expected a whole number {range}")),
        }
    }
}

/// `n` and `noun`, with an `s` unless `n` is 1: "1 meeting", "39 meetings".
pub fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_read_like_numbers_and_nouns_agree() {
        let positive = whole(1, None);
        assert_eq!(positive("3"), Ok(3));
        assert_eq!(
            positive("0"),
            Err("expected a whole number 1 or more".into())
        );
        assert_eq!(
            positive("-1"),
            Err("expected a whole number 1 or more".into())
        );
        let top = whole(1, Some(1000));
        assert_eq!(
            top("1001"),
            Err("expected a whole number from 1 to 1000".into())
        );
        assert_eq!(top(" 15 "), Ok(15));
        assert_eq!(count(1, "meeting"), "1 meeting");
        assert_eq!(count(0, "word"), "0 words");
    }
}
