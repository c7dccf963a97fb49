//! How model names become Rust names: word splitting, case conversion and keyword escaping.
//!
//! These are pure functions of one name; choosing between names that collide is the symbol
//! layer's job (`symbols`). Words are split so that names read the way a person would say them:
//! acronyms stay whole (`MFAMode` → `mfa_mode`), plural acronyms keep their `s`
//! (`RedirectSignInURIs` → `redirect_sign_in_uris`), letters and digits stay together (`EC2`,
//! `S3Key` → `s3_key`), and a few words that mix cases by convention are known whole (`OAuth`,
//! `IPv6`, `GiB`).

use heck::ToUpperCamelCase;

/// Words written with mixed case by convention, matched whole at the start of a word.
///
/// Each entry is the spelling in models, the snake-case word, and the PascalCase word.
const WHOLE_WORDS: &[(&str, &str, &str)] = &[
    ("OAuth", "oauth", "OAuth"),
    ("IoT", "iot", "Iot"),
    ("QnA", "qna", "Qna"),
    ("IPv4", "ipv4", "Ipv4"),
    ("IPv6", "ipv6", "Ipv6"),
    ("KiB", "kib", "Kib"),
    ("MiB", "mib", "Mib"),
    ("GiB", "gib", "Gib"),
    ("TiB", "tib", "Tib"),
    ("PiB", "pib", "Pib"),
];

/// One word of a name.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Word {
    snake: String,
    pascal: String,
}

impl Word {
    fn plain(text: &str) -> Word {
        let snake = text.to_ascii_lowercase();
        let pascal = snake.to_upper_camel_case();
        Word { snake, pascal }
    }
}

/// Splits a model name into words; characters other than ASCII letters and digits separate words.
fn words(name: &str) -> Vec<Word> {
    let chars: Vec<char> = name.chars().collect();
    let mut words = Vec::new();
    let mut current = String::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if !c.is_ascii_alphanumeric() {
            flush(&mut current, &mut words);
            i += 1;
            continue;
        }
        if current.is_empty() {
            if let Some((len, word)) = whole_word_at(&chars[i..]) {
                words.push(word);
                i += len;
                continue;
            }
            current.push(c);
            i += 1;
            continue;
        }
        let prev = current.chars().next_back().unwrap_or(c);
        let next = chars.get(i + 1).copied();
        if starts_word(prev, c, next, chars.get(i + 2).copied()) {
            flush(&mut current, &mut words);
            continue;
        }
        current.push(c);
        i += 1;
    }
    flush(&mut current, &mut words);
    words
}

/// Whether `c` starts a new word, given the previous character and the two after it.
fn starts_word(prev: char, c: char, next: Option<char>, after_next: Option<char>) -> bool {
    let lower = |c: Option<char>| c.is_some_and(|c| c.is_ascii_lowercase());
    let upper = |c: Option<char>| c.is_some_and(|c| c.is_ascii_uppercase());
    let digit = |c: Option<char>| c.is_some_and(|c| c.is_ascii_digit());
    // A version after an acronym: `DBv2` is `DB` and `v2`.
    if c == 'v' && prev.is_ascii_uppercase() && digit(next) {
        return true;
    }
    if !c.is_ascii_uppercase() {
        return false;
    }
    if prev.is_ascii_lowercase() {
        return true;
    }
    if prev.is_ascii_digit() {
        // After digits a capitalized word (`S3Key`) or an acronym (`DB2AS400`) starts a word,
        // but a single letter stays with its number, as in units (`4K`, `A10G`, `CRC32C`).
        return lower(next) || upper(next);
    }
    // In a run of capitals, the last one starts the next word when lower case follows
    // (`MFA|Mode`), unless that lower case is the plural `s` of the acronym (`URIs`) or a version
    // (`DBv2`).
    match next {
        Some('s') if !lower(after_next) => false,
        Some('v') if digit(after_next) => false,
        Some(n) => n.is_ascii_lowercase(),
        None => false,
    }
}

fn whole_word_at(chars: &[char]) -> Option<(usize, Word)> {
    WHOLE_WORDS.iter().find_map(|(spelling, snake, pascal)| {
        let len = spelling.len();
        let matches = chars.len() >= len && chars[..len].iter().copied().eq(spelling.chars());
        let ends = chars.get(len).is_none_or(|c| !c.is_ascii_lowercase() && !c.is_ascii_digit());
        (matches && ends).then(|| (len, Word { snake: (*snake).into(), pascal: (*pascal).into() }))
    })
}

fn flush(current: &mut String, words: &mut Vec<Word>) {
    if !current.is_empty() {
        words.push(Word::plain(current));
        current.clear();
    }
}

/// The snake_case form of a model name: `RedirectSignInURIs` → `redirect_sign_in_uris`.
pub fn snake_case(name: &str) -> String {
    let words = words(name);
    let mut out = String::with_capacity(name.len() + words.len());
    for (i, word) in words.iter().enumerate() {
        if i > 0 {
            out.push('_');
        }
        out.push_str(&word.snake);
    }
    out
}

/// The PascalCase form of a model name, acronyms folded: `UpdateBackendAuthMFAConfig` →
/// `UpdateBackendAuthMfaConfig`, `USER_POOL_ONLY` → `UserPoolOnly`.
pub fn pascal_case(name: &str) -> String {
    words(name).into_iter().map(|word| word.pascal).collect()
}

/// Rust's keywords in every edition up to 2024, strict and reserved.
const KEYWORDS: &[&str] = &[
    "abstract", "as", "async", "await", "become", "box", "break", "const", "continue", "crate", "do", "dyn", "else",
    "enum", "extern", "false", "final", "fn", "for", "gen", "if", "impl", "in", "let", "loop", "macro", "match", "mod",
    "move", "mut", "override", "priv", "pub", "ref", "return", "self", "Self", "static", "struct", "super", "trait",
    "true", "try", "type", "typeof", "unsafe", "unsized", "use", "virtual", "where", "while", "yield",
];

/// Keywords that cannot be raw identifiers.
const NOT_RAW: &[&str] = &["crate", "self", "Self", "super"];

/// Whether `name` is a Rust keyword.
pub fn is_keyword(name: &str) -> bool {
    KEYWORDS.contains(&name)
}

/// A name usable as an identifier: keywords become raw identifiers (`type` → `r#type`), and the
/// few keywords that cannot be raw get a suffix (`self` → `self_value`, `Self` → `SelfValue`).
pub fn escape_keyword(name: &str) -> String {
    if NOT_RAW.contains(&name) {
        if name.starts_with(char::is_uppercase) { format!("{name}Value") } else { format!("{name}_value") }
    } else if is_keyword(name) {
        format!("r#{name}")
    } else {
        name.to_owned()
    }
}

/// The identifier without a raw prefix, for composing other names (`r#type` → `type`).
pub fn unraw(ident: &str) -> &str {
    ident.strip_prefix("r#").unwrap_or(ident)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Model name, snake_case, PascalCase.
    const CASES: &[(&str, &str, &str)] = &[
        ("MFAMode", "mfa_mode", "MfaMode"),
        ("OAuth", "oauth", "OAuth"),
        ("OAuthGrantType", "oauth_grant_type", "OAuthGrantType"),
        ("OAuthScopes", "oauth_scopes", "OAuthScopes"),
        ("UpdateBackendAuthOAuthConfig", "update_backend_auth_oauth_config", "UpdateBackendAuthOAuthConfig"),
        ("UpdateBackendAuthMFAConfig", "update_backend_auth_mfa_config", "UpdateBackendAuthMfaConfig"),
        ("RedirectSignInURIs", "redirect_sign_in_uris", "RedirectSignInUris"),
        ("SignInWithApple", "sign_in_with_apple", "SignInWithApple"),
        ("USER_POOL_ONLY", "user_pool_only", "UserPoolOnly"),
        ("AWS_COGNITO_SIGNIN_USER_ADMIN", "aws_cognito_signin_user_admin", "AwsCognitoSigninUserAdmin"),
        ("IPv6Address", "ipv6_address", "Ipv6Address"),
        ("AllowedIPv4Cidrs", "allowed_ipv4_cidrs", "AllowedIpv4Cidrs"),
        ("ETag", "e_tag", "ETag"),
        ("SSEKMSKeyId", "ssekms_key_id", "SsekmsKeyId"),
        ("DBInstanceARN", "db_instance_arn", "DbInstanceArn"),
        ("DBInstanceARNs", "db_instance_arns", "DbInstanceArns"),
        ("UserIDs", "user_ids", "UserIds"),
        ("IDsList", "ids_list", "IdsList"),
        ("S3Key", "s3_key", "S3Key"),
        ("EC2InstanceId", "ec2_instance_id", "Ec2InstanceId"),
        ("Route53Resolver", "route53_resolver", "Route53Resolver"),
        ("SizeInGiB", "size_in_gib", "SizeInGib"),
        ("ListOf__string", "list_of_string", "ListOfString"),
        ("__string", "string", "String"),
        ("t2.micro", "t2_micro", "T2Micro"),
        ("client_id", "client_id", "ClientId"),
        ("HTTPSPort", "https_port", "HttpsPort"),
        ("KMSKeyID", "kms_key_id", "KmsKeyId"),
        ("DynamoDBv2Action", "dynamo_db_v2_action", "DynamoDbV2Action"),
        ("AmazonRDSv19", "amazon_rds_v19", "AmazonRdsV19"),
        ("TLSv1_2", "tls_v1_2", "TlsV12"),
        ("AWSIoTAnalytics", "aws_iot_analytics", "AwsIotAnalytics"),
        (
            "AnonymousUserGenerativeQnAEmbedding",
            "anonymous_user_generative_qna_embedding",
            "AnonymousUserGenerativeQnaEmbedding",
        ),
        ("CLASS_4K_2K", "class_4k_2k", "Class4k2k"),
        ("A10G", "a10g", "A10g"),
        ("ChecksumCRC32C", "checksum_crc32c", "ChecksumCrc32c"),
        ("DB2AS400", "db2_as400", "Db2As400"),
        ("ChecksumCRC64NVME", "checksum_crc64_nvme", "ChecksumCrc64Nvme"),
        ("AbpV1_0_x", "abp_v1_0_x", "AbpV10X"),
        ("Options", "options", "Options"),
        ("IsEnabled", "is_enabled", "IsEnabled"),
        ("ON", "on", "On"),
        ("type", "type", "Type"),
        ("", "", ""),
    ];

    #[test]
    fn names_convert_as_the_table_says() {
        let mut failures = Vec::new();
        for (model, snake, pascal) in CASES {
            let (got_snake, got_pascal) = (snake_case(model), pascal_case(model));
            if (got_snake.as_str(), got_pascal.as_str()) != (*snake, *pascal) {
                failures.push(format!("{model:?}: got ({got_snake}, {got_pascal}), want ({snake}, {pascal})"));
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    #[test]
    fn keywords_become_raw_or_suffixed() {
        assert_eq!(escape_keyword("type"), "r#type");
        assert_eq!(escape_keyword("match"), "r#match");
        assert_eq!(escape_keyword("gen"), "r#gen");
        assert_eq!(escape_keyword("self"), "self_value");
        assert_eq!(escape_keyword("Self"), "SelfValue");
        assert_eq!(escape_keyword("crate"), "crate_value");
        assert_eq!(escape_keyword("name"), "name");
        assert_eq!(unraw("r#type"), "type");
    }
}
