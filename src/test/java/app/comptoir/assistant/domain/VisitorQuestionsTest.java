package app.comptoir.assistant.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import app.comptoir.assistant.domain.VisitorQuestions.Topic;

class VisitorQuestionsTest {

    @Test
    void frenchAndEnglishQuestionsAreFoundByTheirKeywordsWhateverTheAccents() {
        assertThat(VisitorQuestions.topics("Quels documents apporter ?")).containsExactly(Topic.DOCUMENTS);
        assertThat(VisitorQuestions.topics("What should I bring?")).containsExactly(Topic.DOCUMENTS);
        assertThat(VisitorQuestions.topics("Quels sont vos HORAIRES ?")).containsExactly(Topic.HOURS);
        assertThat(VisitorQuestions.topics("What are your opening hours?")).containsExactly(Topic.HOURS);
        assertThat(VisitorQuestions.topics("Quel est le tarif d'une contre-visite ?")).containsExactly(Topic.PRICES);
        assertThat(VisitorQuestions.topics("How much is it?")).containsExactly(Topic.PRICES);
        assertThat(VisitorQuestions.topics("Un créneau de libre jeudi ?")).containsExactly(Topic.SLOTS);
        assertThat(VisitorQuestions.topics("Is a slot available tomorrow?")).containsExactly(Topic.SLOTS);
    }

    @Test
    void aQuestionAboutNothingKnownIsAboutEverything() {
        assertThat(VisitorQuestions.topics("Bonjour")).containsExactlyInAnyOrder(Topic.values());
    }
}
