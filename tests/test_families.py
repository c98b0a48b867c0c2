"""New-user sentences of issue 22, one family at a time, on raw text.

Each case is a sentence written for this test (not taken from the fresh
suite it is measured on) with the claims it must give: content as
written and the speaker's name. They run the bundled model and the
learned tagger (marked ``model``), as a user's first try does.
"""

from __future__ import annotations

import pytest

import quotes

CASES = {
    # a second claim in a participle: its own claim, the same speaker
    "participle_adding": (
        "Port director Ines Albu said the cranes would be repaired by "
        "May, adding that no ships had been turned away.",
        [("the cranes would be repaired by May", "Ines Albu"),
         ("no ships had been turned away", "Ines Albu")]),
    "participle_noting": (
        '"We are on schedule," Tariq Mahmood told reporters, noting that '
        "the last beam had been lifted into place on Friday.",
        [("We are on schedule,", "Tariq Mahmood"),
         ("the last beam had been lifted into place on Friday",
          "Tariq Mahmood")]),
    # the cue opens the sentence; the speaker follows it, the quote the colon
    "cue_first_added": (
        "The river rose two metres overnight. Added Sigrun Dahl, mayor of "
        'the town: "We have never seen water move this fast."',
        [("We have never seen water move this fast.", "Sigrun Dahl")]),
    # an inverted tag whose speaker has a participle before the role noun
    "inverted_tag_participle": (
        '"I am not going to say it was a mistake," said retired '
        "neurosurgeon Omar Haddad.",
        [("I am not going to say it was a mistake,", "Omar Haddad")]),
    # a quote split by an inverted tag whose speaker has an appositive
    "split_inverted_tag": (
        "“The roads are closed,” warned Pedro Alvarez, a police captain, "
        "“and they will stay closed until the morning.”",
        [("The roads are closed,” warned Pedro Alvarez, a police captain, "
          "“and they will stay closed until the morning.",
          "Pedro Alvarez")]),
    # a short quotation right after an attributed one and its tag
    "short_continuation": (
        '"This is not a cosmetic problem," said Daniel Okafor. '
        '"It is structural."',
        [('This is not a cosmetic problem," said Daniel Okafor. "It is '
          "structural.", "Daniel Okafor")]),
    # an inverted question tag with the speaker's appositive
    "question_inverted": (
        "“Who pays for this?” asked Mei Tanaka, a tenant on the third "
        "floor.",
        [("Who pays for this?", "Mei Tanaka")]),
    # a cue is the verb with its particles, never its complement
    "particle_across_content": (
        "Ruth Adeyemi said rents were up.",
        [("rents were up", "Ruth Adeyemi")]),
    "particle_in_quote": (
        '"Prices, fares and fees are up," Oskar Lind said.',
        [("Prices, fares and fees are up,", "Oskar Lind")]),
    # a quotation followed by an inverted tag: its speaker, whatever the
    # parse (marks outside the content)
    "inverted_said": (
        '"Prices are up," said Nora Quist.',
        [("Prices are up,", "Nora Quist")]),
    "inverted_vowed": (
        "“We will rebuild the bridge,” vowed Governor Amara Nwosu.",
        [("We will rebuild the bridge,", "Amara Nwosu")]),
    # a rare verb the lemmatizer leaves as written
    "unlemmatized_verb": (
        "“The trains are never late on paper,” quipped commuter Lars "
        "Berg.",
        [("The trains are never late on paper,", "Lars Berg")]),
    # "quoted (by X) as saying": one cue, whose speaker is who is quoted
    "quoted_by_as_saying": (
        "Fisheries minister Ana Costa was quoted by the Coastal Times as "
        "saying the quota would be cut.",
        [("the quota would be cut", "Ana Costa")]),
    "quoted_active": (
        "The Coastal Times quoted Ana Costa as saying the quota would be "
        "cut.",
        [("the quota would be cut", "Ana Costa")]),
    # what was put to the speaker is no claim of theirs
    "asked_whether": (
        "Asked whether she would resign, Mayor Hanna Berg said she had "
        "done nothing wrong.",
        [("she had done nothing wrong", "Hanna Berg")]),
    "when_asked": (
        "“The talks are over,” Mira Sandoval said when asked about the "
        "strike.",
        [("The talks are over,", "Mira Sandoval")]),
    # the wh-word of a quoted question is not the speaker of the tag
    "question_wh_subject": (
        "“What happens to the tenants?” asked Omar Haddad, a housing "
        "lawyer.",
        [("What happens to the tenants?", "Omar Haddad")]),
    # a passive second predicate belongs to the content
    "passive_conjunct": (
        "Minister Ana Ruiz replied that the funds were “on their way” and "
        "would be released on Monday.",
        [("the funds were “on their way” and would be released on Monday",
          "Ana Ruiz")]),
    # "according to": the source's appositive is not the claim's
    "according_to_appositive": (
        "According to Lina Ortiz, a spokeswoman for the port, 40 ships "
        "were waiting outside the harbour.",
        [("40 ships were waiting outside the harbour", "Lina Ortiz")]),
    # a programme's quoted name in the tag says where, not what: the
    # quotation before it is the speaker's, and the one after goes on
    "programme_in_tag": (
        '"The message is that the state should act," Dana Moss said on '
        'NBC\'s "Meet the Press." "And nobody is going to stop us."',
        [('The message is that the state should act," Dana Moss said on '
          'NBC\'s "Meet the Press." "And nobody is going to stop us.',
          "Dana Moss")]),
    "programme_in_tag_noun": (
        '"The lesson is that voters should decide," Lena Park said on '
        'ABC\'s "This Week." "And they will decide."',
        [('The lesson is that voters should decide," Lena Park said on '
          'ABC\'s "This Week." "And they will decide.', "Lena Park")]),
    # a surname written in full only inside a programme's title
    "full_name_in_title": (
        'She appeared on "The Dana Whitfield Hour" on Monday night.\n\n'
        '"The numbers are simply wrong," Whitfield said.',
        [("The numbers are simply wrong,", "Dana Whitfield")]),
    # a headline "NAME: 'QUOTE'": one claim, the quotation's words
    "headline_quote": (
        "Nadia Brandt: \u2018I Am Not Done With This City.\u2019\n\n"
        "Nadia Brandt said on Monday that she would run again.",
        [("I Am Not Done With This City.", "Nadia Brandt"),
         ("she would run again", "Nadia Brandt")]),
    # a name label with a party note, a quotation after its colon
    "name_label_quote": (
        "The hearing ran late.\n\nRep. Tom Kessel (R-Ohio): \u201cI have "
        "not heard anyone cite that figure. Who told you that?\u201d",
        [("I have not heard anyone cite that figure. Who told you that?",
          "Tom Kessel")]),
    # a descriptor before the reported clause's subject, hung on the cue
    # as a second subject, is no speaker
    "second_subject_after_cue": (
        "Senator Ana Lima (D-Ore.) said rival Tom Grant was wrong about "
        "taxes.",
        [("rival Tom Grant was wrong about taxes", "Ana Lima")]),
    # a dateline of several words in capitals is not the speaker
    "dateline_two_words": (
        "SOUTH HARBOR — Governor Ana Lima, a former judge, said on Monday "
        "that the bridge would reopen in May.",
        [("the bridge would reopen in May", "Ana Lima")]),
    "quoted_as_telling_conjunct": (
        "Finance minister Lea Moro was quoted as telling bankers that "
        "rates would “stay where they are” and could fall next year.",
        [("rates would “stay where they are” and could fall next year",
          "Lea Moro")]),
    "quoted_as_saying_colon": (
        "The Coastal Times quoted Ana Costa, a fisheries minister, as "
        "saying: “The quota will be cut. There is no other way.”",
        [("The quota will be cut. There is no other way.", "Ana Costa")]),
    # a subject the parse lost: the name right before the cue
    "lost_subject": (
        "The bank's chief economist, Imani Waweru, acknowledged that the "
        'new forecast had "missed the turn" during the spring.',
        [('the new forecast had "missed the turn" during the spring',
          "Imani Waweru")]),
    # a compound modifier with a hyphen before the speaker's name, which
    # the parse took into the quotation's clause
    "hyphened_modifier_before_name": (
        '"The levy is crumbling," Ohio-based Lena Park said.',
        [("The levy is crumbling,", "Lena Park")]),
    # verbs of manner of speaking
    "manner_verb_scoffed": (
        'Asked about the audit, Councillor Ruth Adeyemi scoffed: "That '
        'report is nonsense."',
        [("That report is nonsense.", "Ruth Adeyemi")]),
    "manner_verb_chuckled": (
        '"We will win the vote," Kofi Mensah chuckled.',
        [("We will win the vote,", "Kofi Mensah")]),
    # a cue joined to a verb the parse hung on the first as parataxis
    "cue_after_parataxis": (
        "Mayor Lena Ortiz waved at the crowd, then leaned in and boomed: "
        '"Let us finish the bridge this year."',
        [("Let us finish the bridge this year.", "Lena Ortiz")]),
    # a verb that reports speech only with its particle ("shot back")
    "phrasal_cue_after_quote": (
        '"Those figures are invented," Nadia Petrova shot back.',
        [("Those figures are invented,", "Nadia Petrova")]),
    "phrasal_cue_inverted": (
        '"Nobody asked us," fired back Councillor Tomas Varga.',
        [("Nobody asked us,", "Tomas Varga")]),
    # ... and never without a claim ("fired back at the gunmen")
    "phrasal_cue_no_claim": (
        "The guards fired back at the gunmen.", []),
    # "As X put it" opening the sentence: X said the rest
    "as_put_it_quote": (
        'As Councillor Ines Albu put it, "The bridge is a ruin."',
        [("The bridge is a ruin.", "Ines Albu")]),
    "as_put_it_clause": (
        "As Kofi Mensah put it on Friday, the harvest came too late.",
        [("the harvest came too late", "Kofi Mensah")]),
    "as_put_it_appositive": (
        'As Akosua Mensah, a professor of law at Accra and author of '
        '"Courts," put it, "The bench matters."',
        [("The bench matters.", "Akosua Mensah")]),
    "put_it_no_claim": (
        "Ruth Adler put it on the shelf.", []),
    # ... and "As X wrote", "As X had written", a verb of saying with no
    # object but a time
    "as_wrote_quotation": (
        'As Ana Lima wrote in 2010, "The bridge is a ruin."',
        [("The bridge is a ruin.", "Ana Lima")]),
    "as_had_written_quotation": (
        "As the columnist Kofi Mensah had written a few years earlier, "
        '"The harvest came too late."',
        [("The harvest came too late.", "Kofi Mensah")]),
    # "told reporters that" + a quotation the parse hung on "reporters",
    # its period hung on the cue
    "told_listener_that_quotation": (
        'Petrova told reporters that "Tomas Varga is throwing votes away."',
        [("Tomas Varga is throwing votes away.", "Petrova")]),
    # "went so far as to say": the infinitive's speaker is its head's
    # subject
    "as_to_say_quotation": (
        "The Daily Ledger columnist Ana Ruiz went so far as to say: \"The "
        "paper as we know it is over.\"",
        [("The paper as we know it is over.", "Ana Ruiz")]),
    "as_to_say_clause": (
        "Ana Ruiz went so far as to say that the paper was over.",
        [("the paper was over", "Ana Ruiz")]),
    # ... but not a conversation's first or second person (GUM's gold has
    # no such claim)
    "purpose_infinitive_second_person": (
        "Well you woke me up last night, to tell me Kim was not staying the "
        "night.", []),
    # an unnamed description, then its name set off before the cue
    "name_set_off_after_description": (
        "One pastor supporting Mayor Lima, Kofi Mensah of Grace Church in "
        "Dover, said he had made 150 calls.",
        [("he had made 150 calls", "Kofi Mensah")]),
    # a present-tense cue after a quotation read as a plural noun
    "closing_cue_read_as_noun": (
        '"Nobody can unite the party. The voters have doubts about Lima," '
        "Mensah notes.",
        [("Nobody can unite the party. The voters have doubts about Lima,",
          "Mensah")]),
    # a role noun before the name tagged a verb ("adviser")
    "role_noun_tagged_verb_before_name": (
        '"And this year, they will be voting in record numbers, and it will '
        'be for the mayor," the mayor\'s senior communications adviser Omar '
        "Haddad said in the statement.",
        [("And this year, they will be voting in record numbers, and it will "
          "be for the mayor,", "Omar Haddad")]),
    # "by text message" is how, not who; the verb the parse hung on the
    # speaker's appositive is the speaker's
    "replied_by_text_message": (
        "Kofi Mensah, the contractor building the new market, replied by "
        'text message when asked about the delay: "Steel has not arrived. '
        'Ask the port."',
        [("Steel has not arrived. Ask the port.", "Kofi Mensah")]),
    # an opening curly mark misprinted as the closer
    "misprinted_closing_mark": (
        "\u201cThe ruling is unusual,\u201c said Omar Haddad, a lawyer with "
        "the Legal Center.",
        [("The ruling is unusual,", "Omar Haddad")]),
    # a quotation, then its speaker with a relative clause before the cue
    "quote_name_relative_said": (
        '"The levy will not hold," Mr. Varga, who is an engineer, said of '
        "the dam.",
        [("The levy will not hold,", "Varga")]),
    "quote_name_relative_told": (
        '"We lost," Ms. Ortiz, who chairs the board, told reporters.',
        [("We lost,", "Ortiz")]),
    # the cue opens the sentence after a conjunction; a comma, not a colon,
    # before the quotation
    "cue_first_after_conjunction": (
        'Kofi Mensah spoke on Friday. But, said Mensah, "I do not want a '
        'fight."',
        [("I do not want a fight.", "Kofi Mensah")]),
    # ... while before a colon the speaker may have a relative clause
    "cue_first_relative_before_colon": (
        'The clinic closed on Friday. Said one nurse, who asked not to be '
        'named: "We are exhausted."',
        [("We are exhausted.", None)]),
    # a second cue after "but", its that-clause hung on the first cue
    "second_cue_after_but": (
        "The central bank governor, Sofia Castaneda, conceded that "
        "inflation would stay above target, but cautioned that cutting "
        'rates too early would be "a serious mistake".',
        [("inflation would stay above target", "Sofia Castaneda"),
         ('cutting rates too early would be "a serious mistake"',
          "Sofia Castaneda")]),
    # a question put in an aside that the parse reads as the name's verb
    "asked_aside_before_cue": (
        "Coach Tiago Mendes, asked about his future, said he was happy at "
        "the club.",
        [("he was happy at the club", "Tiago Mendes")]),
    # a participle with a colon before the quotation it adds, the parse
    # hanging the quotation on the first cue
    "participle_colon_quote": (
        "Mayor Ana Lind said the city would meet its targets, adding: "
        '"We will not fail."',
        [("the city would meet its targets", "Ana Lind"),
         ("We will not fail.", "Ana Lind")]),
    # the tokenizer cuts the first name off this one: joined again
    "first_name_cut_off": (
        "Anna Holm said the country would meet its targets, adding: "
        '"We will not fail."',
        [("the country would meet its targets", "Anna Holm"),
         ("We will not fail.", "Anna Holm")]),
    # the listener's bare clause, parsed as a relative clause on it
    "listener_bare_clause": (
        "The violinist, 27, told the magazine she practised every day.",
        [("she practised every day", None)]),
    # a quotation split by a tag that closes on a time
    "split_quote_time_tag": (
        '"We are not in a recession," Janet Ruiz said on Tuesday, "but we '
        'are not out of the woods."',
        [('We are not in a recession," Janet Ruiz said on Tuesday, "but we '
          'are not out of the woods.', "Janet Ruiz")]),
    # less common verbs of saying and of writing (lexicon entries)
    "verb_chant": (
        'Outside the embassy, protesters chanted "No more war" until dusk.',
        [("No more war", None)]),
    "verb_grumble": (
        "Farmer Kwame Boateng grumbled that the new rules were unfair.",
        [("the new rules were unfair", "Kwame Boateng")]),
    "verb_email": (
        "Councillor Ana Sousa emailed that the meeting had been moved.",
        [("the meeting had been moved", "Ana Sousa")]),
}


@pytest.fixture(scope="module")
def extractor() -> quotes.Extractor:
    """One bundled-model extractor for every case."""
    return quotes.Extractor()


@pytest.mark.model
@pytest.mark.parametrize("name", list(CASES))
def test_family(extractor: quotes.Extractor, name: str) -> None:
    """The sentence gives exactly its claims, with the right speakers."""
    text, want = CASES[name]
    got = extractor.extract(text)
    assert [(a.content.text, a.speaker.name if a.speaker else None)
            for a in got.attributions] == want
