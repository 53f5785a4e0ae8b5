//! Posts as offices write them (职务) and the role category each gives.
//!
//! A roster says 村党总支书记, 村委会主任, 妇联主席, 驻村工作队员; the
//! meetings only need to know which of the four categories a person is in
//! (who reports aloud, who is on which ballot). [`category`] derives it:
//!
//! 1. The four category words (党组织书记, 两委成员, 工作队队长, 工作队队员)
//!    and their English keys are themselves.
//! 2. A post naming the work team (工作队): with 队长 (and not 副队长) it is
//!    工作队队长; with 队员, 成员 or 副队长 it is 工作队队员; with neither
//!    it cannot be placed ([`Unplaced::WorkTeam`]).
//! 3. 第一书记 (驻村第一书记, the secretary the Party sends to a village)
//!    cannot be placed: the first secretary may lead the work team, be one
//!    of its members or be the village's Party secretary
//!    ([`Unplaced::FirstSecretary`]).
//! 4. A 书记 (or 支书) that is not a 副书记 (副支书), in a post that is not
//!    the Youth League's (团支部书记, 团委书记) or the discipline
//!    committee's (纪委书记) is 党组织书记: 村党总支书记, 村党委书记,
//!    村支部书记, 村支书, 书记, and 村党支部书记兼村委会主任 (one person
//!    holding both posts: the secretary).
//! 5. Everything else is 两委成员: 村委会主任, 委员, 妇联主席, 村会计,
//!    报账员, 民兵连长, 治保主任, 村监委会主任, 团支部书记, and 副书记 (a
//!    deputy secretary sits on the Party branch committee, so is a 两委
//!    member, never its secretary).
//!
//! A post that cannot be placed, or is placed wrongly, is settled by the
//! category given beside it (the roster's 类别 column, the campaign file's
//! `role`), which always wins; the post as written is kept for printing.

use super::campaign::Role;

/// Why a post does not tell its category.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Unplaced {
    /// 第一书记: the Party's first secretary in the village, who may lead
    /// the work team, be one of its members, or be the Party secretary.
    FirstSecretary,
    /// The work team without 队长 or 队员/成员: leader or member?
    WorkTeam,
}

impl Unplaced {
    /// The categories the post may mean, for the user to pick from.
    pub fn choices(self) -> &'static [Role] {
        match self {
            Unplaced::FirstSecretary => &[
                Role::WorkTeamLeader,
                Role::WorkTeamMember,
                Role::PartySecretary,
            ],
            Unplaced::WorkTeam => &[Role::WorkTeamLeader, Role::WorkTeamMember],
        }
    }
}

/// The category words and the English keys, each with its role.
const CATEGORY_WORDS: [(&str, &str, Role); 4] = [
    ("党组织书记", "party_secretary", Role::PartySecretary),
    ("两委成员", "committee_member", Role::CommitteeMember),
    ("工作队队长", "work_team_leader", Role::WorkTeamLeader),
    ("工作队队员", "work_team_member", Role::WorkTeamMember),
];

/// Where one post ends and the next begins in a post that names several
/// (村党支部书记兼村委会主任, 书记、主任).
const SEPARATORS: &[char] = &['兼', '、', '，', ',', '；', ';', '/', '／', '及'];

/// The role `word` names if it is a category word or its English key
/// (spaces and ASCII case aside), else `None`.
pub fn category_word(word: &str) -> Option<Role> {
    let w = squeezed(word).to_ascii_lowercase();
    CATEGORY_WORDS
        .iter()
        .find(|(zh, en, _)| w == *zh || w == *en)
        .map(|&(_, _, role)| role)
}

/// The category `post` gives, or why it gives none (see the module's
/// rules). An empty post is the caller's problem: it gives 两委成员.
pub fn category(post: &str) -> Result<Role, Unplaced> {
    if let Some(role) = category_word(post) {
        return Ok(role);
    }
    let p = squeezed(post);
    if p.contains("工作队") {
        let leader = p.contains("队长") && !p.contains("副队长");
        return if leader {
            Ok(Role::WorkTeamLeader)
        } else if ["队员", "成员", "副队长"].iter().any(|w| p.contains(w)) {
            Ok(Role::WorkTeamMember)
        } else {
            Err(Unplaced::WorkTeam)
        };
    }
    if p.contains("第一书记") {
        return Err(Unplaced::FirstSecretary);
    }
    if p.split(SEPARATORS).any(party_secretary) {
        return Ok(Role::PartySecretary);
    }
    Ok(Role::CommitteeMember)
}

/// The post to keep beside `role`: `None` when `post` is the category word
/// of `role` itself (nothing to print but the category), else the post.
pub fn kept(post: &str, role: Role) -> Option<String> {
    (category_word(post) != Some(role)).then(|| post.to_string())
}

/// One post (no separators) of a Party organisation's secretary: 书记 or
/// 支书 not as 副书记 / 副支书, and not the Youth League's or the
/// discipline committee's.
fn party_secretary(post: &str) -> bool {
    if post.contains('团') || post.contains('纪') {
        return false;
    }
    ["书记", "支书"].iter().any(|word| {
        post.match_indices(word)
            .any(|(i, _)| !post[..i].ends_with('副'))
    })
}

/// `s` without white space: a post is matched whatever its spacing.
fn squeezed(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use Role::*;

    #[test]
    fn category_words_are_themselves() {
        for (zh, en, role) in CATEGORY_WORDS {
            assert_eq!(category(zh), Ok(role));
            assert_eq!(category(en), Ok(role));
            assert_eq!(kept(zh, role), None);
        }
        assert_eq!(category(" Party_Secretary "), Ok(PartySecretary));
        assert_eq!(kept("两委成员", PartySecretary), Some("两委成员".into()));
        assert_eq!(kept("村会计", CommitteeMember), Some("村会计".into()));
    }

    #[test]
    fn secretaries_deputies_and_other_organisations() {
        for p in [
            "村党总支书记",
            "村党委书记",
            "书记",
            "村支书",
            "村党支部书记兼村委会主任",
        ] {
            assert_eq!(category(p), Ok(PartySecretary), "{p}");
        }
        for p in [
            "副书记",
            "村党总支副书记",
            "团支部书记",
            "团支书",
            "纪委书记",
            "副支书",
        ] {
            assert_eq!(category(p), Ok(CommitteeMember), "{p}");
        }
        // A deputy in one post, the secretary in the other.
        assert_eq!(category("村委会副主任兼党支部书记"), Ok(PartySecretary));
        assert_eq!(category("党总支副书记、村委会主任"), Ok(CommitteeMember));
    }

    #[test]
    fn work_team_posts() {
        assert_eq!(category("驻村工作队队长"), Ok(WorkTeamLeader));
        assert_eq!(category("驻村工作队长"), Ok(WorkTeamLeader));
        assert_eq!(category("驻村第一书记兼工作队队长"), Ok(WorkTeamLeader));
        assert_eq!(category("驻村工作队员"), Ok(WorkTeamMember));
        assert_eq!(category("工作队成员"), Ok(WorkTeamMember));
        assert_eq!(category("工作队副队长"), Ok(WorkTeamMember));
        assert_eq!(category("驻村工作队"), Err(Unplaced::WorkTeam));
        assert_eq!(category("第一书记"), Err(Unplaced::FirstSecretary));
        assert_eq!(category("驻村第一书记"), Err(Unplaced::FirstSecretary));
    }
}
