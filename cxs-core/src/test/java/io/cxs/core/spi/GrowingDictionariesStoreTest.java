package io.cxs.core.spi;

import org.junit.jupiter.api.Nested;

/** The test stores with growing dictionaries keep every store's contract, but not complete(). */
final class GrowingDictionariesStoreTest {

  @Nested
  final class Touchpoints extends TouchpointStoreContract {
    @Override
    protected TouchpointStore newStore() {
      return GrowingDictionaries.touchpoints(TouchpointStore.inMemory(), 7);
    }

    @Override
    protected boolean dictionaryComplete() {
      return false;
    }
  }

  @Nested
  final class Feedbacks extends FeedbackStoreContract {
    @Override
    protected FeedbackStore newStore() {
      return GrowingDictionaries.feedback(FeedbackStore.inMemory(), 7);
    }

    @Override
    protected boolean dictionaryComplete() {
      return false;
    }
  }

  @Nested
  final class SharedTouchpoints extends TouchpointStoreContract {
    @Override
    protected TouchpointStore newStore() {
      return GrowingDictionaries.touchpointsSharingOneDictionary(TouchpointStore.inMemory(), 5);
    }

    @Override
    protected boolean dictionaryComplete() {
      return false;
    }
  }

  @Nested
  final class SharedFeedbacks extends FeedbackStoreContract {
    @Override
    protected FeedbackStore newStore() {
      return GrowingDictionaries.feedbackSharingOneDictionary(FeedbackStore.inMemory(), 5);
    }

    @Override
    protected boolean dictionaryComplete() {
      return false;
    }
  }
}
